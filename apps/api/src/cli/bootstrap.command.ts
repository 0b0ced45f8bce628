import type { INestApplicationContext } from '@nestjs/common';
import type { Config } from '@parley/config';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { UsersService } from '../modules/users/users.service';
import { WorkspaceService } from '../modules/workspace/workspace.service';
import { readWorkspaceFile } from './workspace-file';

const BOOTSTRAP_ACTOR = { userId: null, label: 'bootstrap' };
export const DEMO_WORKSPACE = 'examples/demo-workspace.yaml';

/** First run: the first admin when there are no users, and the demo workspace when there are no departments. */
export const bootstrapCommand = async (app: INestApplicationContext, config: Config): Promise<void> => {
  const users = app.get(UsersService);
  if ((await users.countUsers()) === 0) {
    const password = config.admin.password ?? randomBytes(12).toString('base64url');
    await users.create(BOOTSTRAP_ACTOR, {
      email: config.admin.email,
      name: 'Administrator',
      password,
      memberships: [],
      workspaceAdmin: true,
    });
    console.log(`Created the first admin: ${config.admin.email}`);
    if (!config.admin.password)
      console.log(`Generated password (shown once; change it or set PARLEY_ADMIN_PASSWORD): ${password}`);
  }
  const workspace = app.get(WorkspaceService);
  if (config.demo && (await workspace.countDepartments()) === 0) {
    const result = await workspace.apply(await readWorkspaceFile(resolve(DEMO_WORKSPACE)), BOOTSTRAP_ACTOR);
    console.log(
      `Loaded the demo workspace: ${result.departments.created.length} departments, ${result.sources.created.length} sources.`,
    );
  }
};
