import { describe, expect, it } from 'vitest';
import {
  changedFields,
  conversationIdFrom,
  costPerEngagementWords,
  costTotal,
  influenceName,
  numberOrText,
  surveyWords,
} from './record-words';

const cost = {
  id: 'c',
  department: 'dfe',
  from: '2026-01-01',
  to: '2026-04-01',
  staffHours: 30,
  hourlyRate: 40,
  toolCost: 300,
};

describe('surveyWords', () => {
  it('says a change whose interval is all above zero very likely rose', () =>
    // Newcombe's worked example: 48/80 = 60% before, 56/70 = 80% after, +20 points, 95% CI 5.24 to 33.39.
    expect(
      surveyWords({
        before: { agree: 48, n: 80 },
        after: { agree: 56, n: 70 },
        change: 20,
        ciLow: 5.24,
        ciHigh: 33.39,
      }),
    ).toBe(
      'Before, 48 of 80 agreed (60%). After, 56 of 70 agreed (80%). Agreement was 20.0 percentage points higher ' +
        'afterwards: we can be 95% confident the real change is somewhere between 5.2 and 33.4 points, so it very likely rose.',
    ));

  it('says an interval that crosses zero cannot tell', () =>
    // 30/100 → 27/100: −3 points; an interval from −15.6 to +9.7 holds no change.
    expect(
      surveyWords({
        before: { agree: 30, n: 100 },
        after: { agree: 27, n: 100 },
        change: -3,
        ciLow: -15.6,
        ciHigh: 9.7,
      }),
    ).toContain(
      'Agreement was 3.0 percentage points lower afterwards: we can be 95% confident the real change is somewhere ' +
        'between minus 15.6 and 9.7 points, so the surveys cannot tell whether it really changed.',
    ));

  it('says why there is no change when a survey asked no one', () =>
    expect(
      surveyWords({
        before: { agree: 0, n: 0 },
        after: { agree: 5, n: 10 },
        change: null,
        ciLow: null,
        ciHigh: null,
      }),
    ).toBe(
      'Before, no one was asked. After, 5 of 10 agreed (50%). There is no change to show until both surveys asked someone.',
    ));
});

describe('cost per engagement', () => {
  it('divides hours × rate + tools by the engagements in the period', () => {
    // 30 × £40 + £300 = £1,500; ÷ 3 = £500; ÷ 7 = £214.2857… → £214.29.
    expect(costTotal(cost)).toBe(1500);
    expect(costPerEngagementWords({ ...cost, engagements: 3 })).toBe(
      '£1,500.00 in all: £500.00 for each of the 3 engagements in this period.',
    );
    expect(costPerEngagementWords({ ...cost, engagements: 7 })).toBe(
      '£1,500.00 in all: £214.29 for each of the 7 engagements in this period.',
    );
    expect(costPerEngagementWords({ ...cost, engagements: 1 })).toBe(
      '£1,500.00 in all, for the one engagement in this period.',
    );
  });

  it('never divides by no engagements', () =>
    expect(costPerEngagementWords({ ...cost, engagements: 0 })).toBe(
      '£1,500.00 in all. There were no engagements in this period to divide it by.',
    ));
});

describe('conversationIdFrom', () => {
  it.each([
    ['123', '123'],
    [' 123 ', '123'],
    ['http://127.0.0.1:3000/conversations/4567', '4567'],
    ['https://parley.example.gov.uk/conversations/89?tab=thread', '89'],
    ['https://parley.example.gov.uk/conversations/89/', '89'],
  ])('reads %s as conversation %s', (text, id) => expect(conversationIdFrom(text)).toBe(id));

  it.each([
    '',
    'abc',
    'https://example.org/conversations/12abc',
    'https://example.org/people/12',
    '1'.repeat(19),
  ])('refuses %s', (text) => expect(conversationIdFrom(text)).toBeNull());
});

describe('form values', () => {
  it('reads numbers as typed by people, and sends anything else as typed for the api to name', () => {
    expect(numberOrText('')).toBeUndefined();
    expect(numberOrText(' 1,200 ')).toBe(1200);
    expect(numberOrText('£40.50')).toBe(40.5);
    expect(numberOrText('lots')).toBe('lots');
  });

  it('sends only what changed', () =>
    expect(
      changedFields(
        { title: 'A', before: { agree: 1, n: 2 }, at: '2026-01-01T09:30:00.000Z' },
        { title: 'A', before: { agree: 1, n: 3 }, at: '2026-01-01T09:30:00.000Z' },
      ),
    ).toEqual({ before: { agree: 1, n: 3 } }));

  it('names every level in words', () =>
    expect([0, 1, 2, 3].map(influenceName)).toEqual([
      'No influence yet',
      'Insight sent to the policy team',
      'Cited in a submission',
      'Decision or text changed',
    ]));
});
