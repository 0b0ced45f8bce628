import { describe, expect, it } from 'vitest';
import {
  checkEngagementForm,
  emptyEngagementForm,
  engagementBody,
  type EngagementFormValues,
} from './engagement-form';

const now = new Date('2026-12-01T12:00:00Z');
const form = (over: Partial<EngagementFormValues>): EngagementFormValues => ({
  ...emptyEngagementForm('dvsa'),
  ...over,
});

describe('checkEngagementForm', () => {
  it.each<[string, Partial<EngagementFormValues>, Record<string, RegExp>]>([
    ['a recorded reply with its address', { url: 'https://social.example/@dvsa/1' }, {}],
    ['a recorded reply with only its words', { text: 'DVSA here: see GOV.UK' }, {}],
    ['a recorded reply with neither', {}, { url: /address of the post, or paste/ }],
    ['an address that is not one', { url: 'social.example/@dvsa/1' }, { url: /starting https/ }],
    [
      'a time in the future',
      { url: 'https://x.example/1', postedAt: '2026-12-02T09:00' },
      { postedAt: /now or in the past/ },
    ],
    ['a publish without text (the approved draft is posted)', { how: 'publish' }, {}],
    [
      'a publish without an account',
      { how: 'publish', account: '', text: 'Hi' },
      { account: /Choose the account/ },
    ],
    ['a publish with both', { how: 'publish', text: 'Hi, DVSA here' }, {}],
  ])('%s', (_, values, expected) => {
    const errors = checkEngagementForm(form(values), now);
    expect(Object.keys(errors).sort()).toEqual(Object.keys(expected).sort());
    for (const [field, message] of Object.entries(expected))
      expect(errors[field as keyof EngagementFormValues]).toMatch(message);
  });
});

describe('engagementBody', () => {
  it('sends only what was given for a recorded reply', () => {
    expect(engagementBody(form({ url: ' https://x.example/1 ', outcome: '', closesLoop: true }), 3)).toEqual({
      kind: 'reply',
      mode: 'transmit',
      expectedVersion: 3,
      url: 'https://x.example/1',
      account: 'dvsa',
      closesLoop: true,
    });
  });

  it('asks to publish, and leaves out the address and time', () => {
    const body = engagementBody(
      form({ how: 'publish', url: 'https://ignored.example', postedAt: '2026-12-01T10:00', text: 'Hi' }),
      2,
    );
    expect(body).toEqual({
      kind: 'reply',
      mode: 'transmit',
      expectedVersion: 2,
      publish: true,
      account: 'dvsa',
      text: 'Hi',
    });
  });
});
