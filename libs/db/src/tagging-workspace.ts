import type { Queryable } from './queryable';
import type { TaggingRepository } from './repositories/tagging.repository';
import type { WorkspaceRepository } from './repositories/workspace.repository';

/**
 * The workspace as tagging compiles it, read through `q`: the shape @parley/tagging's CompiledRulesCache loads
 * from, so api and worker hand the cache the same queries.
 */
export const taggingWorkspace = (
  q: Queryable,
  tagging: TaggingRepository,
  workspace: WorkspaceRepository,
) => ({
  fingerprint: () => tagging.workspaceFingerprint(q),
  rules: () => tagging.enabledRules(q),
  departments: () => workspace.allDepartments(q),
  accounts: () => tagging.accounts(q),
  resources: () => tagging.resources(q),
});
