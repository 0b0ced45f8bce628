import { useState, type FormEvent } from 'react';
import type { Engagement, EngagementList, EngagementRecorded } from '@parley/contracts';
import {
  ENGAGEMENT_KIND_LABELS,
  ENGAGEMENT_KINDS,
  ENGAGEMENT_MODE_LABELS,
  ENGAGEMENT_MODES,
  type EngagementKind,
  type EngagementMode,
} from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { ErrorSummary, type ErrorSummaryItem } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { isApiError } from '../../../lib/api-client';
import { useRecordEngagement } from '../api/record-engagement';
import {
  checkEngagementForm,
  emptyEngagementForm,
  engagementBody,
  FORM_FIELDS,
  type EngagementFormValues,
  type FieldErrors,
} from '../utils/engagement-form';

type Props = {
  opportunityId: string;
  /** The opportunity version the page shows: a change made meanwhile is refused, keeping what was typed. */
  version: number;
  accounts: EngagementList['accounts'];
  onRecorded: (recorded: EngagementRecorded) => void;
};

const FIELD_ID = (field: string) => `engagement-${field}`;

const Radios = <T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: string;
  options: { value: T; label: string; hint?: string }[];
  value: T;
  onChange: (value: T) => void;
}) => (
  <fieldset className="form-group" id={FIELD_ID(name)}>
    <legend className="label">{legend}</legend>
    {options.map((option) => {
      const id = `${FIELD_ID(name)}-${option.value}`;
      return (
        <div className="checkbox" key={option.value}>
          <input
            id={id}
            name={FIELD_ID(name)}
            type="radio"
            className="checkbox__input"
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            aria-describedby={option.hint ? `${id}-hint` : undefined}
          />
          <label className="checkbox__label" htmlFor={id}>
            {option.label}
          </label>
          {option.hint && (
            <p id={`${id}-hint`} className="hint checkbox__hint">
              {option.hint}
            </p>
          )}
        </div>
      );
    })}
  </fieldset>
);

const accountLabel = (a: { platform: string; handle: string }) => `${a.handle} (${a.platform})`;

/** Problems from the api, each on its field when it names one, else for the whole form. */
const apiProblems = (error: unknown): { fields: FieldErrors; other: string[] } => {
  if (!isApiError(error)) return { fields: {}, other: ['The engagement could not be saved: try again.'] };
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const p of error.problems) {
    const field = FORM_FIELDS.find((f) => f === p.path);
    if (field) fields[field] = p.message;
    else other.push(p.message);
  }
  if (Object.keys(fields).length === 0 && other.length === 0) other.push(error.message);
  return { fields, other };
};

/** "Record or publish the reply": what was done, how, from which account, and what came of it. */
export const RecordEngagementForm = ({ opportunityId, version, accounts, onRecorded }: Props) => {
  const publishable = accounts.filter((a) => a.canPublish);
  const [values, setValues] = useState<EngagementFormValues>(() =>
    emptyEngagementForm(publishable[0]?.handle ?? ''),
  );
  const [checked, setChecked] = useState<FieldErrors>({});
  const record = useRecordEngagement({ onSuccess: onRecorded });
  const set = <K extends keyof EngagementFormValues>(key: K, value: EngagementFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const failure = record.isError ? apiProblems(record.error) : { fields: {}, other: [] };
  const errors: FieldErrors = { ...failure.fields, ...checked };
  const summary: ErrorSummaryItem[] = [
    ...Object.entries(errors).map(([field, text]) => ({ text: text as string, href: `#${FIELD_ID(field)}` })),
    ...failure.other.map((text) => ({ text })),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = checkEngagementForm(values, new Date());
    setChecked(problems);
    if (Object.keys(problems).length) return;
    record.mutate({ opportunityId, engagement: engagementBody(values, version) });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="record-engagement-title">
      <h2 className="heading-m" id="record-engagement-title">
        Record or publish the reply
      </h2>
      <ErrorSummary items={summary} />
      <Radios<EngagementKind>
        name="kind"
        legend="What did you do?"
        value={values.kind}
        onChange={(v) => set('kind', v)}
        options={ENGAGEMENT_KINDS.map((k) => ({ value: k, label: ENGAGEMENT_KIND_LABELS[k] }))}
      />
      <Radios<EngagementMode>
        name="mode"
        legend="What kind of conversation was it?"
        value={values.mode}
        onChange={(v) => set('mode', v)}
        options={ENGAGEMENT_MODES.map((m) => ({ value: m, ...ENGAGEMENT_MODE_LABELS[m] }))}
      />
      <Radios<'record' | 'publish'>
        name="how"
        legend="Where is it?"
        value={values.how}
        onChange={(v) => set('how', v)}
        options={[
          { value: 'record', label: 'Already posted: I will give its address' },
          ...(publishable.length
            ? [
                {
                  value: 'publish' as const,
                  label: 'Post it now from a department account',
                  hint: 'Parley posts it as a reply to the post that started the conversation.',
                },
              ]
            : []),
        ]}
      />
      {values.how === 'record' && (
        <>
          <TextField
            id={FIELD_ID('url')}
            label="Address of the post"
            hint="Copy it from the post's time stamp or share menu."
            type="url"
            value={values.url}
            error={errors.url}
            onChange={(e) => set('url', e.target.value)}
          />
          <TextField
            id={FIELD_ID('postedAt')}
            label="When it was posted (leave empty for now)"
            type="datetime-local"
            value={values.postedAt}
            error={errors.postedAt}
            onChange={(e) => set('postedAt', e.target.value)}
          />
        </>
      )}
      {(values.how === 'publish' || accounts.length > 0) && (
        <div className={`form-group${errors.account ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor={FIELD_ID('account')}>
            {values.how === 'publish' ? 'Post from' : 'Posted from'}
          </label>
          {errors.account && (
            <p id={`${FIELD_ID('account')}-error`} className="error-message">
              <span className="visually-hidden">Error:</span> {errors.account}
            </p>
          )}
          <select
            id={FIELD_ID('account')}
            className="select"
            value={values.account}
            aria-describedby={errors.account ? `${FIELD_ID('account')}-error` : undefined}
            onChange={(e) => set('account', e.target.value)}
          >
            {values.how === 'record' && <option value="">Not one of the department's accounts</option>}
            {(values.how === 'publish' ? publishable : accounts).map((a) => (
              <option key={`${a.platform} ${a.handle}`} value={a.handle}>
                {accountLabel(a)}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextareaField
        id={FIELD_ID('text')}
        label={values.how === 'publish' ? 'The reply to post' : 'What was posted (optional)'}
        hint={
          values.how === 'publish'
            ? 'Leave it empty to post the draft as it was approved. A reply that needs clearance is only posted as approved.'
            : 'Paste it if you have no address for the post: Parley finds it by its words when the thread is fetched.'
        }
        rows={4}
        value={values.text}
        error={errors.text}
        onChange={(e) => set('text', e.target.value)}
      />
      <TextareaField
        id={FIELD_ID('outcome')}
        label="Outcome notes (optional)"
        hint="What happened next: questions answered, people pointed to help, anything to follow up."
        rows={3}
        value={values.outcome}
        error={errors.outcome}
        onChange={(e) => set('outcome', e.target.value)}
      />
      <Checkbox
        id={FIELD_ID('closesLoop')}
        label="“You said, we did”: this reply tells people what changed because of what they said"
        checked={values.closesLoop}
        onChange={(e) => set('closesLoop', e.target.checked)}
      />
      <Button type="submit" disabled={record.isPending}>
        {values.how === 'publish' ? 'Publish the reply' : 'Record the reply'}
      </Button>
    </form>
  );
};

const STATE_WORDS: Record<string, string> = {
  pending: 'Being posted',
  published: 'Posted from Parley',
  failed: 'Posting failed',
};

/** What has been recorded so far, with a failed publish's reason. */
export const EngagementsDone = ({ engagements }: { engagements: Engagement[] }) =>
  engagements.length === 0 ? null : (
    <section aria-labelledby="engagements-done-title">
      <h3 className="label" id="engagements-done-title">
        What was done
      </h3>
      <ul>
        {engagements.map((e) => (
          <li key={e.id}>
            {ENGAGEMENT_KIND_LABELS[e.kind]}
            {e.account ? ` from ${accountLabel(e.account)}` : ''}
            {e.publish ? `: ${STATE_WORDS[e.publish.state]}` : ''}
            {e.publish?.error ? ` (${e.publish.error})` : ''}
            {e.closesLoop ? '. “You said, we did”' : ''}
            {e.matchedPost ? '. Found in the thread' : ''}.{' '}
            {e.url && (
              <a className="link" href={e.url} rel="noreferrer">
                Open the post
              </a>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
