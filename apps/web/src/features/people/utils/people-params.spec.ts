import { describe, expect, it } from 'vitest';
import type { Me } from '@parley/contracts';
import { managedDepartments, parsePeopleDepartment } from './people-params';

const me = (departments: Me['departments']): Me => ({
  id: 'u',
  email: 'e@example.gov.uk',
  name: 'E',
  workspaceAdmin: false,
  memberships: [],
  departments,
  csrfToken: null,
});

describe('people params', () => {
  it('keeps only the departments whose members the user manages', () => {
    const managed = managedDepartments(
      me([
        { key: 'dfe', name: 'DfE', role: 'admin', permissions: ['department.read', 'member.manage'] },
        { key: 'dwp', name: 'DWP', role: 'manager', permissions: ['department.read', 'rule.edit'] },
      ]),
    );
    expect(managed.map((d) => d.key)).toEqual(['dfe']);
  });

  it.each([
    ['department=dwp', ['dfe', 'dwp'], 'dwp'],
    ['department=hmpo', ['dfe', 'dwp'], 'dfe'],
    ['', ['dfe'], 'dfe'],
    ['department=dfe', [], null],
  ])('?%s of %j → %s', (search, managed, expected) =>
    expect(parsePeopleDepartment(new URLSearchParams(search), managed)).toBe(expected),
  );
});
