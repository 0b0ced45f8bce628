import type { INestApplicationContext } from '@nestjs/common';
import { WorkspaceService } from '../modules/workspace/workspace.service';
import { workspaceYaml, writeWorkspaceFile } from './workspace-file';

/** Writes the workspace as a YAML document to FILE, or to standard output without one. */
export const exportCommand = async (
  app: INestApplicationContext,
  file: string | undefined,
): Promise<void> => {
  const doc = await app.get(WorkspaceService).document();
  if (file) {
    await writeWorkspaceFile(file, doc);
    console.error(`Wrote the workspace to ${file}.`);
  } else {
    process.stdout.write(workspaceYaml(doc));
  }
};
