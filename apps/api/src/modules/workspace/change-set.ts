import type { ApplyResult, ChangeSet } from '@parley/contracts';
import { publicChange, type Plan } from './workspace-plan';

const OUTCOME = { create: 'created', update: 'updated', delete: 'deleted' } as const;

/** The plan as the api answers it: every change with its fields, and the keys by outcome per kind. */
export const resultOf = (plan: Plan, dryRun: boolean): ApplyResult => {
  const set = (entity: keyof Plan['unchanged']): ChangeSet => {
    const result: ChangeSet = {
      created: [],
      updated: [],
      deleted: [],
      unchanged: [...plan.unchanged[entity]],
    };
    for (const change of plan.changes)
      if (change.entity === entity) result[OUTCOME[change.action]].push(change.key);
    return result;
  };
  return {
    dryRun,
    changes: plan.changes.map(publicChange),
    departments: set('department'),
    rules: set('rule'),
    sources: set('source'),
    electionPeriods: set('election-period'),
    peers: set('peer'),
    retention: set('retention'),
    settings: set('setting'),
  };
};
