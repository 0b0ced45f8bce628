import { describe, expect, it } from 'vitest';
import type { Me } from '@parley/contracts';
import { dashboardPagesFor } from './dashboards-nav';

type Department = Me['departments'][number];
const member = (permissions: Department['permissions']): Pick<Me, 'workspaceAdmin' | 'departments'> => ({
  workspaceAdmin: false,
  departments: [{ key: 'dfe', name: 'Department for Education', role: null, permissions } as Department],
});
const labels = (me: Pick<Me, 'workspaceAdmin' | 'departments'>) => dashboardPagesFor(me).map((p) => p.label);

describe('the pages under "Dashboards"', () => {
  it('gives everyone in a department the three dashboards, and no evaluation pages without evaluation.read', () =>
    expect(labels(member(['department.read']))).toEqual([
      'Engagement',
      'Evaluation',
      'What the public says',
    ]));

  it('adds the report and the records for evaluation.read, and the sentiment check for evaluation.record', () => {
    expect(labels(member(['department.read', 'evaluation.read']))).toEqual([
      'Engagement',
      'Evaluation',
      'What the public says',
      'Impact report',
      'Evaluation records',
    ]);
    expect(labels(member(['department.read', 'evaluation.read', 'evaluation.record']))).toContain(
      'Check sentiment',
    );
  });

  it('lists nothing for someone in no department, and everything for a workspace administrator', () => {
    expect(labels({ workspaceAdmin: false, departments: [] })).toEqual([]);
    expect(labels({ workspaceAdmin: true, departments: [] })).toHaveLength(6);
  });
});
