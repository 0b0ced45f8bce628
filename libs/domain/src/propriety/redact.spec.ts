import { describe, expect, it } from 'vitest';
import { redactExcerpt } from './redact';

describe('redactExcerpt', () => {
  it('removes personal data, handles and names of members of the public', () => {
    expect(
      redactExcerpt(
        'Hi Sarah, my NI is AB 12 34 56 C and my number 07700 900123, email jo.bloggs@gmail.com. @dad_of3 agrees. Jo Bloggs',
        { names: ['Jo Bloggs'] },
      ),
    ).toBe(
      'Hi [removed], my NI is [removed] and my number [removed], email [removed]. [removed] agrees. [removed]',
    );
  });

  it('keeps an official mailbox and helpline, and a case reference loses only its number', () => {
    expect(redactExcerpt('Write to enquiries@education.gov.uk, case number 4471-22981 still open')).toBe(
      'Write to enquiries@education.gov.uk, case number [removed] still open',
    );
  });

  it('keeps a public body thanked or greeted by name: it is not a person', () => {
    expect(redactExcerpt('Thank you Department for Education, and Thanks Sarah Jones for asking')).toBe(
      'Thank you Department for Education, and Thanks [removed] for asking',
    );
    expect(redactExcerpt('Hi Home Office, when will my visa arrive?')).toBe(
      'Hi Home Office, when will my visa arrive?',
    );
  });

  it('shortens at a word boundary with an ellipsis', () => {
    const text = 'Exam appeals are taking far too long this year and nobody answers the phone at all';
    expect(redactExcerpt(text, { maxLength: 40 })).toBe('Exam appeals are taking far too long…');
    expect(redactExcerpt(text, { maxLength: 40 }).length).toBeLessThanOrEqual(40);
  });
});
