import type { Backfill } from '@parley/contracts';
import type { Permission, Role } from '@parley/domain';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { describeBackfill, isBackfillFinished } from './backfill';
import { canEditRules } from './permissions';
import { previewSentence, previewWindow, queryProblem } from './preview';
import { newRulePath, parseRulesDepartment, rulePath, rulesPath, rulesSearch } from './rules-params';
import { readSavedState, savedState } from './saved-state';

const backfill = (
  state: string,
  done: number,
  total: number,
  failedReason: string | null = null,
): Backfill => ({
  id: 'b1',
  state,
  done,
  total,
  failedReason,
});

describe('describeBackfill', () => {
  it.each([
    [
      backfill('waiting', 0, 0),
      'Re-tagging is queued',
      'Re-tagging recent conversations: waiting to start',
      null,
    ],
    [
      backfill('active', 0, 0),
      'Re-tagging recent conversations',
      'Re-tagging recent conversations: counting them',
      null,
    ],
    [
      backfill('active', 120, 450),
      'Re-tagging recent conversations',
      'Re-tagging recent conversations: 120 of 450',
      120,
    ],
    [
      backfill('active', 500, 450),
      'Re-tagging recent conversations',
      'Re-tagging recent conversations: 450 of 450',
      450,
    ],
    [
      backfill('completed', 1450, 1450),
      'Re-tagging finished',
      'Re-tagging finished: 1,450 recent conversations checked',
      1450,
    ],
    [
      backfill('failed', 10, 450, 'database went away'),
      'Re-tagging failed',
      'Re-tagging stopped after 10 of 450: database went away. The rule is saved and will tag new posts.',
      10,
    ],
    [
      backfill('pending', 0, 0),
      'Re-tagging will start shortly',
      'Re-tagging recent conversations: waiting for Parley’s job queue, which is not answering. It starts by itself once the queue is back; the rule is saved.',
      null,
    ],
    [
      backfill('delayed', 0, 0),
      'Re-tagging is queued',
      'Re-tagging recent conversations: waiting to start',
      null,
    ],
  ])('%o', (input, stage, detail, value) =>
    expect(describeBackfill(input)).toMatchObject({ stage, detail, value }),
  );

  it.each([
    ['completed', true],
    ['failed', true],
    ['active', false],
    ['waiting', false],
    ['pending', false],
  ])('%s finished: %s', (state, expected) =>
    expect(isBackfillFinished(backfill(state, 0, 0))).toBe(expected),
  );

  it('is not finished before the first answer', () => expect(isBackfillFinished(undefined)).toBe(false));
});

describe('preview wording', () => {
  it.each([
    ['2025-10-05T12:00:00Z', '2025-11-04T12:00:00Z', 'the last 30 days'],
    ['2025-11-03T12:00:00Z', '2025-11-04T12:00:00Z', 'the last day'],
    // Across the clocks going back: 30 days and an hour still reads as 30 days.
    ['2025-10-05T11:00:00Z', '2025-11-04T12:00:00Z', 'the last 30 days'],
    ['nonsense', '2025-11-04T12:00:00Z', 'the period checked'],
  ])('%s to %s → %s', (from, to, expected) => expect(previewWindow(from, to)).toBe(expected));

  it.each([
    [0, 'Would have matched 0 conversations in the last 30 days'],
    [1, 'Would have matched 1 conversation in the last 30 days'],
    [1204, 'Would have matched 1,204 conversations in the last 30 days'],
  ])('%i → %s', (count, expected) =>
    expect(previewSentence({ count, from: '2025-10-05T12:00:00Z', to: '2025-11-04T12:00:00Z' })).toBe(
      expected,
    ),
  );
});

describe('queryProblem', () => {
  it.each([
    [
      new ApiError(400, 'invalid', 'The query cannot be used: …', [
        { path: 'department', message: 'choose a department' },
        { path: 'query', message: 'at position 12: expected a closing ")"' },
      ]),
      'At position 12: expected a closing ")"',
    ],
    [new ApiError(400, 'invalid', 'the query is too deep'), 'The query is too deep'],
    [new ApiError(400, 'invalid', 'x', [{ path: 'department', message: 'choose a department' }]), null],
    [new ApiError(503, 'unavailable', 'down'), null],
    [new Error('boom'), null],
  ])('%s → %s', (error, expected) => expect(queryProblem(error)).toBe(expected));
});

describe('canEditRules', () => {
  // The api's answer decides, whatever the role is called.
  const department = (key: string, role: Role | null, permissions: Permission[]) => ({
    key,
    name: key.toUpperCase(),
    role,
    permissions,
  });
  it.each([
    [[department('dft', 'manager', ['department.read', 'rule.edit'])], 'dft', true],
    [[department('dft', 'manager', ['department.read', 'rule.edit'])], 'dvsa', false],
    [[department('dft', 'comms', ['department.read', 'conversation.act'])], 'dft', false],
    [[department('dft', 'admin', ['department.read'])], 'dft', false],
    [[department('dvsa', null, ['department.read', 'rule.edit'])], 'dvsa', true],
    [
      [
        department('dft', 'viewer', ['department.read']),
        department('dvsa', 'manager', ['department.read', 'rule.edit']),
      ],
      'dvsa',
      true,
    ],
    [[], 'dft', false],
  ] as const)('%j in %s → %s', (departments, key, expected) =>
    expect(canEditRules([...departments], key)).toBe(expected),
  );
});

describe('rules URLs', () => {
  it.each([
    ['department=dvsa', 'dvsa'],
    ['department=unknown', 'dft'],
    ['', 'dft'],
  ])('?%s → %s', (query, expected) =>
    expect(parseRulesDepartment(new URLSearchParams(query), ['dft', 'dvsa'])).toBe(expected),
  );

  it('has no department for someone in none', () =>
    expect(parseRulesDepartment(new URLSearchParams('department=dft'), [])).toBeNull());

  it('keeps other parameters when choosing a department', () =>
    expect(rulesSearch('dvsa', new URLSearchParams('department=dft&x=1')).toString()).toBe(
      'department=dvsa&x=1',
    ));

  it.each([
    [rulesPath('dft'), '/rules?department=dft'],
    [rulePath('dft', 'rail-fares'), '/rules/dft/rail-fares'],
    [rulePath('a/b', 'c?d'), '/rules/a%2Fb/c%3Fd'],
    [newRulePath('dft'), '/rules/dft/new'],
  ])('%s', (actual, expected) => expect(actual).toBe(expected));
});

describe('saved state', () => {
  it('reads back what the editor stored', () =>
    expect(readSavedState(savedState(3, 'backfill-1'))).toEqual({ version: 3, backfill: 'backfill-1' }));

  it.each([
    [null],
    [undefined],
    ['saved'],
    [{}],
    [{ saved: null }],
    [{ saved: { version: '3', backfill: 'x' } }],
    [{ saved: { version: 3, backfill: '' } }],
  ])('%j → null', (state) => expect(readSavedState(state)).toBeNull());
});
