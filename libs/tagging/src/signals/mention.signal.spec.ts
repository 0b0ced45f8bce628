import { describe, expect, it } from 'vitest';
import { mentionSignal } from './mention.signal';
import { DFE, post, thread } from './thread.fixtures';

describe('mentionSignal', () => {
  it.each([
    ['Has the Department for Education said anything?', 'names "Department for Education"', 10],
    ['the department   for education never replies', 'names "Department for Education"', 10],
    ['Ask the DfE about it', 'names "DfE"', 10],
    ['DFE guidance is unclear', 'names "DfE"', 10],
    ['dfe guidance is unclear', null, null],
    ['see example.com/dfe-guidance', null, null],
    ['The education department and DfE', 'names "DfE", "education department"', 10],
    ['@educationgovuk can you help?', 'addresses @educationgovuk', 15],
    ['@EducationGovUK and the DfE', 'names "DfE"; addresses @educationgovuk', 15],
    ['@educationgovukfan is not them', null, null],
    ['email me at x@educationgovuk.example', null, null],
    ['Nothing about anyone here', null, null],
  ])('%s → %s', (text, detail, weight) => {
    const signal = mentionSignal(thread([post(text)]), DFE);
    expect(signal?.detail ?? null).toBe(detail);
    expect(signal?.weight ?? null).toBe(weight);
  });

  it('ignores the department naming itself', () => {
    const facts = thread([post('The Department for Education has published…', { byDepartmentId: DFE.id })]);
    expect(mentionSignal(facts, DFE)).toBeNull();
  });

  it('matches the local part of a Mastodon handle', () => {
    const department = { ...DFE, handles: ['dfe@social.example.gov.uk'] };
    expect(mentionSignal(thread([post('@dfe@social.example.gov.uk hello')]), department)?.detail).toBe(
      'addresses @dfe@social.example.gov.uk',
    );
  });
});
