import type { RecordEngagement } from '@parley/contracts';
import type { EngagementKind, EngagementMode } from '@parley/domain';

/** What the form holds, as typed. `how`: recorded after posting elsewhere, or published from Parley. */
export type EngagementFormValues = {
  kind: EngagementKind;
  mode: EngagementMode;
  how: 'record' | 'publish';
  url: string;
  account: string;
  /** A local date and time from the browser's picker (no zone: the person's own). */
  postedAt: string;
  text: string;
  outcome: string;
  closesLoop: boolean;
};

export type FieldErrors = Partial<Record<keyof EngagementFormValues, string>>;

export const emptyEngagementForm = (account = ''): EngagementFormValues => ({
  kind: 'reply',
  mode: 'transmit',
  how: 'record',
  url: '',
  account,
  postedAt: '',
  text: '',
  outcome: '',
  closesLoop: false,
});

const isWebAddress = (value: string) => /^https?:\/\/\S+$/i.test(value.trim());

/** The problems a person can fix before sending, in the order the fields appear. */
export const checkEngagementForm = (v: EngagementFormValues, now: Date): FieldErrors => {
  const errors: FieldErrors = {};
  if (v.how === 'record') {
    if (v.url.trim() && !isWebAddress(v.url)) errors.url = 'Enter the address of the post, starting https://';
    if (!v.url.trim() && !v.text.trim())
      errors.url =
        'Enter the address of the post, or paste what was posted, so Parley can find it when it is fetched';
    if (v.postedAt && new Date(v.postedAt).getTime() > now.getTime() + 60_000)
      errors.postedAt = 'The time it was posted must be now or in the past';
  } else {
    // No text is fine: the approved draft is posted (the api says so when there is none).
    if (!v.account) errors.account = 'Choose the account to post from';
  }
  return errors;
};

/** The request body: only what was given, so the api applies its own defaults (posted now, by hand). */
export const engagementBody = (v: EngagementFormValues, expectedVersion: number): RecordEngagement => ({
  kind: v.kind,
  mode: v.mode,
  expectedVersion,
  ...(v.how === 'publish' ? { publish: true } : {}),
  ...(v.how === 'record' && v.url.trim() ? { url: v.url.trim() } : {}),
  ...(v.how === 'record' && v.postedAt ? { postedAt: new Date(v.postedAt).toISOString() } : {}),
  ...(v.account ? { account: v.account } : {}),
  ...(v.text.trim() ? { text: v.text.trim() } : {}),
  ...(v.outcome.trim() ? { outcome: v.outcome.trim() } : {}),
  ...(v.closesLoop ? { closesLoop: true } : {}),
});

/** Field names as the api reports problems (`url`, `account`…) map onto the form's own fields. */
export const FORM_FIELDS: (keyof EngagementFormValues)[] = [
  'kind',
  'mode',
  'how',
  'url',
  'account',
  'postedAt',
  'text',
  'outcome',
  'closesLoop',
];
