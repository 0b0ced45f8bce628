import { describe, expect, it } from 'vitest';
import { findPersonalData, redactPublicText, type PersonalDataKind } from './personal-data';

describe('finding personal data', () => {
  it.each<[string, PersonalDataKind, string]>([
    ['Email me at jo.bloggs+dvla@example.co.uk please', 'email', 'jo.bloggs+dvla@example.co.uk'],
    ['Call 020 7946 0000 after 10', 'phone', '020 7946 0000'],
    ['my mobile is 07700 900123', 'phone', '07700 900123'],
    ['ring +44 7700 900123', 'phone', '+44 7700 900123'],
    ['landline (0161) 496 0000', 'phone', '(0161) 496 0000'],
    ['try 01632960001', 'phone', '01632960001'],
    ['NI number QQ 12 34 56 C is wrong', 'ni-number', 'QQ 12 34 56 C'],
    ['my NINO is ab123456c', 'ni-number', 'ab123456c'],
    ['I live at SW1A 1AA', 'postcode', 'SW1A 1AA'],
    ['near m1 1ae in town', 'postcode', 'm1 1ae'],
    ['postcode EC1A1BB', 'postcode', 'EC1A1BB'],
    ['my case number is 12345678', 'reference', '12345678'],
    ['Ref: AB-2024-0091 still open', 'reference', 'AB-2024-0091'],
    ['claim no. UC/123456', 'reference', 'UC/123456'],
  ])('%j has %s %j', (text, kind, span) => {
    const found = findPersonalData(text);
    expect(found).toEqual([expect.objectContaining({ kind, text: span })]);
    expect(text.slice(found[0].start, found[0].end)).toBe(span);
  });

  it.each([
    'Hi, DVSA digital team here: you can book or change a driving test on GOV.UK: https://www.gov.uk/change-driving-test',
    'It takes up to 10 weeks to renew a passport.',
    'The helpline is open 8am to 6pm, Monday to Friday.',
    'We answered 2,400 questions in 2025.',
    'See paragraph 12.3 of the guidance, updated 01/12/2026.',
    'Our reference guide explains the process.',
    'Version 3 of the form is on GOV.UK.',
    'Covid-19 guidance for schools',
  ])('finds nothing in %j', (text) => expect(findPersonalData(text)).toEqual([]));
});

describe('redacting what a member of the public wrote', () => {
  const people = [
    { names: ['Priya Shah', 'priya@mastodon.example', 'priya'], replacement: 'Member of the public 1' },
    { names: ['Al'], replacement: 'Member of the public 2' },
  ];

  it.each([
    ['Thanks @priya@mastodon.example, see GOV.UK', 'Thanks Member of the public 1, see GOV.UK'],
    ['Priya Shah asked, and PRIYA agreed', 'Member of the public 1 asked, and Member of the public 1 agreed'],
    ['priyanka is someone else', 'priyanka is someone else'],
    ['Al and Alan', 'Al and Alan'],
    [
      'Write to priya.shah@example.com or 07700 900123, SW1A 1AA',
      'Write to [email address removed] or [phone number removed], [postcode removed]',
    ],
    [
      'NI QQ123456C, case number 88812345',
      'NI [National Insurance number removed], case number [reference number removed]',
    ],
  ])('%j → %j', (text, expected) => expect(redactPublicText(text, people)).toBe(expected));
});
