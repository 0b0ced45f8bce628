import type { Me } from '@parley/contracts';

const REVIEWER_ROLES: readonly string[] = ['policy', 'comms', 'manager'];

/** Whether someone with this role in a department reviews its drafts. */
export const isReviewerRole = (role: string | null): boolean =>
  role !== null && REVIEWER_ROLES.includes(role);

/** The departments whose clearance queue the person works from (a workspace administrator sees every one). */
export const reviewerDepartments = (me: Pick<Me, 'workspaceAdmin' | 'departments'>): Me['departments'] =>
  me.departments.filter((d) => me.workspaceAdmin || isReviewerRole(d.role));
