import { describe, expect, it } from 'vitest';
import {
  authorViewState,
  DEFAULT_LAWFUL_LISTENING,
  isKnownOrganisation,
  missingLawfulFields,
  privateIndividualsOf,
  type OrganisationDirectory,
} from './lawful-listening';

const directory: OrganisationDirectory = {
  names: ['dfe', 'Department for Education', 'DfE', 'Citizens Advice', 'Which?'],
  handles: ['@educationgovuk', 'dwp@mastodon.gov.uk', 'bbcnews'],
};

describe('isKnownOrganisation', () => {
  it.each<[string, boolean]>([
    ['educationgovuk', true],
    ['@EducationGovUK', true],
    ['dwp@mastodon.gov.uk', true],
    ['dwp', true],
    ['bbcnews', true],
    ['citizensadvice', true],
    ['citizens-advice', true],
    ['which', true],
    ['departmentforeducation', true],
    ['dfe', true],
    ['alice', false],
    ['alice@mastodon.social', false],
    ['citizensadvicefan', false],
    ['', false],
  ])('%s → %s', (handle, expected) => {
    expect(isKnownOrganisation(handle, directory)).toBe(expected);
  });
});

describe('privateIndividualsOf', () => {
  it('keeps the people, once each, and leaves the organisations out', () => {
    expect(privateIndividualsOf(['alice', 'dfe', '@Alice', 'bob', 'bbcnews'], directory)).toEqual([
      'alice',
      'bob',
    ]);
  });
  it('finds nobody in a rule without author filters', () => {
    expect(privateIndividualsOf([], directory)).toEqual([]);
  });
});

describe('missingLawfulFields', () => {
  it.each<[string | null, string | null, boolean, string[]]>([
    ['Answer questions about loans', 'public-task', true, []],
    [null, 'public-task', true, ['purpose']],
    ['   ', 'public-task', true, ['purpose']],
    ['Answer questions', null, true, ['lawfulBasis']],
    [null, null, true, ['purpose', 'lawfulBasis']],
    [null, null, false, []],
  ])('purpose %j, basis %j, required %s → %j', (purpose, lawfulBasis, required, expected) => {
    expect(missingLawfulFields({ purpose, lawfulBasis }, { requireLawfulBasis: required })).toEqual(expected);
  });
  it('asks for nothing while the workspace has not turned the requirement on', () => {
    expect(missingLawfulFields({ purpose: null, lawfulBasis: null }, DEFAULT_LAWFUL_LISTENING)).toEqual([]);
  });
});

describe('authorViewState', () => {
  const settings = { authorViewWarningAt: 3, authorViewReasonAt: 5 };
  it.each<[number, boolean, string]>([
    [1, false, 'counted'],
    [2, false, 'counted'],
    [3, false, 'warning'],
    [4, true, 'warning'],
    [5, false, 'reason-required'],
    [9, false, 'reason-required'],
    [5, true, 'reason-given'],
  ])('%i views, reason %s → %s', (views, reason, expected) => {
    expect(authorViewState(views, reason, settings)).toBe(expected);
  });
  it('asks for a reason at once when both thresholds are the same', () => {
    expect(authorViewState(2, false, { authorViewWarningAt: 2, authorViewReasonAt: 2 })).toBe(
      'reason-required',
    );
  });
});
