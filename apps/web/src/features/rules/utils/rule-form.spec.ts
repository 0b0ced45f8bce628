import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import {
  asksForJustification,
  initialRuleValues,
  problemsToRuleErrors,
  saveFailure,
  toRuleUpsert,
  validateRuleForm,
  type RuleFormValues,
} from './rule-form';

const values = (overrides: Partial<RuleFormValues> = {}): RuleFormValues => ({
  name: 'Rail fares',
  key: 'rail-fares',
  query: 'railcard OR "season ticket"',
  purpose: '',
  lawfulBasis: '',
  justification: '',
  enabled: true,
  reason: 'Start listening for fares questions',
  ...overrides,
});

const stored = {
  department: 'dft',
  key: 'rail-fares',
  name: 'Rail fares',
  query: 'railcard',
  purpose: null,
  lawfulBasis: null,
  justification: null,
  namedPeople: [],
  version: 3,
  updatedAt: '2025-11-04T14:05:00Z',
};

describe('validateRuleForm', () => {
  it.each([
    { name: 'a complete new rule', input: values(), isNew: true, expected: {} },
    {
      name: 'everything missing',
      input: values({ name: ' ', key: '', query: '  ', reason: '' }),
      isNew: true,
      expected: {
        name: 'Enter a name for the rule',
        key: 'Enter a key',
        query: 'Enter a query',
        reason: 'Enter the reason for the change',
      },
    },
    { name: 'an existing rule’s key is not checked', input: values({ key: '' }), isNew: false, expected: {} },
    {
      name: 'a key in the wrong form',
      input: values({ key: 'Rail Fares' }),
      isNew: true,
      expected: {
        key: 'Key must use only lower-case letters, digits and hyphens, and start with a letter or digit, like rail-fares',
      },
    },
    {
      name: 'a query too long',
      input: values({ query: 'a '.repeat(2001) }),
      isNew: false,
      expected: { query: 'Query must be 4,000 characters or fewer' },
    },
    {
      name: 'a name that would display reversed',
      input: values({ name: 'Rail \u202esaref' }),
      isNew: false,
      expected: {
        name: 'The name cannot contain characters that change the direction of text (U+202E at character 6), which can make it display as something else',
      },
    },
    {
      name: 'a name too long',
      input: values({ name: 'x'.repeat(201) }),
      isNew: false,
      expected: { name: 'Name must be 200 characters or fewer' },
    },
    {
      name: 'a query with a NUL byte',
      input: values({ query: 'rail\u0000card' }),
      isNew: false,
      expected: { query: 'The query cannot contain control characters (U+0000 at character 5)' },
    },
    {
      name: 'a reason too long',
      input: values({ reason: 'x'.repeat(501) }),
      isNew: false,
      expected: { reason: 'Reason must be 500 characters or fewer' },
    },
  ])('$name', ({ input, isNew, expected }) => expect(validateRuleForm(input, { isNew })).toEqual(expected));

  it('refuses a key the department already uses', () =>
    expect(validateRuleForm(values(), { isNew: true, existingKeys: ['rail-fares'] }).key).toMatch(/already/));
});

describe('toRuleUpsert', () => {
  it('trims, sends an empty purpose as null, and a new rule as made from version 0', () =>
    expect(
      toRuleUpsert(values({ name: ' Rail fares ', query: ' railcard \n', purpose: '  ' }), null),
    ).toEqual({
      name: 'Rail fares',
      query: 'railcard',
      purpose: null,
      lawfulBasis: null,
      justification: null,
      enabled: true,
      reason: 'Start listening for fares questions',
      expectedVersion: 0,
    }));

  it('sends the lawful basis chosen and the justification given', () =>
    expect(
      toRuleUpsert(
        values({ lawfulBasis: 'public-task', justification: ' Answers the minister’s correspondence ' }),
        null,
      ),
    ).toMatchObject({ lawfulBasis: 'public-task', justification: 'Answers the minister’s correspondence' }));

  it('sends the version an edit was made from', () =>
    expect(toRuleUpsert(values(), { ...stored, enabled: true }).expectedVersion).toBe(3));
});

describe('initialRuleValues', () => {
  it('starts from the rule, with an empty reason', () =>
    expect(initialRuleValues({ ...stored, enabled: false, lawfulBasis: 'public-task' })).toEqual({
      name: 'Rail fares',
      key: 'rail-fares',
      query: 'railcard',
      purpose: '',
      lawfulBasis: 'public-task',
      justification: '',
      enabled: false,
      reason: '',
    }));

  it('starts a new rule switched on', () => expect(initialRuleValues(null).enabled).toBe(true));
});

describe('problemsToRuleErrors', () => {
  it('words the lawful-listening refusals for the form, without the api’s field names', () => {
    const { fields } = problemsToRuleErrors([
      {
        path: 'lawfulBasis',
        message:
          'rule "dwp/one" cannot be enabled without a lawfulBasis: the workspace requires one (public-task)',
      },
      {
        path: 'justification',
        message:
          'rule "dwp/one" follows author:alice, which is not an organisation the workspace knows, so it is treated as a member of the public: give a justification',
      },
    ]);
    expect(fields.lawfulBasis).toMatch(/^Choose a lawful basis: your workspace requires one/);
    expect(fields.justification).toMatch(/^Give a justification/);
    expect(Object.values(fields).join(' ')).not.toMatch(/lawfulBasis|author:|public-task/);
  });

  it('puts problems on their fields (first one wins) and keeps the rest apart', () =>
    expect(
      problemsToRuleErrors([
        { path: 'query', message: 'at position 5: expected a closing ")"' },
        { path: 'query', message: 'second' },
        { path: 'reason', message: 'say why the rule is changing' },
        { path: '', message: 'body must be JSON' },
      ]),
    ).toEqual({
      fields: { query: 'At position 5: expected a closing ")"', reason: 'Say why the rule is changing' },
      other: ['Body must be JSON'],
    }));
});

describe('saveFailure', () => {
  it.each([
    [
      new ApiError(400, 'invalid', 'The query cannot be used', [
        { path: 'query', message: 'empty brackets at position 5' },
      ]),
      { fields: { query: 'Empty brackets at position 5' }, other: [] },
    ],
    [new ApiError(400, 'invalid', 'bad json'), { fields: {}, other: ['Bad json'] }],
    [
      new ApiError(403, 'forbidden', 'Only manager members…'),
      {
        fields: {},
        other: [
          'You cannot change this department’s rules. Ask a manager of the department or a Parley administrator',
        ],
      },
    ],
    [
      new ApiError(409, 'conflict', 'rule "fares" was changed by someone else: reload it', [
        { path: 'expectedVersion', message: 'rule "fares" was changed by someone else: reload it' },
      ]),
      { fields: {}, other: ['Rule "fares" was changed by someone else: reload it'] },
    ],
    [
      new ApiError(404, 'not_found', 'No department'),
      { fields: {}, other: ['This department no longer exists, or you can no longer see it'] },
    ],
    [
      new ApiError(0, 'network', 'offline'),
      { fields: {}, other: ['Parley cannot be reached. Check your connection, then try again'] },
    ],
    [
      new Error('boom'),
      {
        fields: {},
        other: ['Sorry, there is a problem with the service. The rule was not saved. Try again later'],
      },
    ],
  ])('%s', (error, expected) => expect(saveFailure(error)).toEqual(expected));
});

describe('asksForJustification', () => {
  it.each<[string, string, boolean]>([
    ['railcard', '', false],
    ['railcard author:alice', '', true],
    ['(author:alice OR author:bob)', '', true],
    ['AUTHOR:alice', '', true],
    ['coauthor:alice', '', false],
    ['railcard', 'Kept from before', true],
  ])('%s (justification %j) → %s', (query, justification, expected) =>
    expect(asksForJustification(values({ query, justification }), null)).toBe(expected),
  );

  it('asks while the saved rule names a person', () =>
    expect(asksForJustification(values(), { ...stored, enabled: true, namedPeople: ['alice'] })).toBe(true));
});
