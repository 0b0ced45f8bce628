import { useState, type FormEvent } from 'react';
import { WEBHOOK_REASONS, type WebhookReason } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextField } from '../../../components/ui/text-field';
import { formFailure, noFailure, summaryOf, type FormFailure } from '../../../lib/form-failure';
import { useCreateWebhook } from '../api/create-webhook';
import { REASON_NAMES } from '../utils/reason-names';

const FIELDS = ['name', 'url', 'reasons', 'secret'] as const;
type Field = (typeof FIELDS)[number];

const EMPTY = { name: '', url: '', secret: '', reasons: [] as WebhookReason[] };

/** Adds a webhook: where it posts, what it posts, and an optional signing secret for a receiver of your own. */
export const AddWebhookForm = ({
  department,
  onAdded,
}: {
  department: string;
  onAdded: (name: string) => void;
}) => {
  const [values, setValues] = useState(EMPTY);
  const [failure, setFailure] = useState<FormFailure<Field>>(noFailure);
  const create = useCreateWebhook();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(noFailure());
    create.mutate(
      {
        department,
        webhook: {
          name: values.name,
          url: values.url,
          reasons: values.reasons,
          enabled: true,
          ...(values.secret ? { secret: values.secret } : {}),
        },
      },
      {
        onSuccess: (created) => {
          setValues(EMPTY);
          onAdded(created.name);
        },
        onError: (error) => setFailure(formFailure(error, FIELDS)),
      },
    );
  };
  const toggle = (reason: WebhookReason, on: boolean) =>
    setValues((v) => ({
      ...v,
      reasons: on ? [...v.reasons, reason] : v.reasons.filter((r) => r !== reason),
    }));
  return (
    <section aria-labelledby="add-webhook-title">
      <h2 id="add-webhook-title" className="heading-m">
        Add a webhook
      </h2>
      <ErrorSummary items={summaryOf(failure, FIELDS)} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="name"
          label="Name"
          hint="For example, the channel it posts to: “Comms team on Teams”"
          value={values.name}
          onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
          error={failure.fields.name}
        />
        <TextField
          id="url"
          label="Webhook URL"
          hint="The incoming webhook address from Slack, Teams or your own service. It is stored encrypted and not shown again."
          type="url"
          autoComplete="off"
          value={values.url}
          onChange={(e) => setValues((v) => ({ ...v, url: e.target.value }))}
          error={failure.fields.url}
        />
        <fieldset className={`fieldset${failure.fields.reasons ? ' form-group--error' : ''}`} id="reasons">
          <legend className="fieldset__legend">Post when</legend>
          {failure.fields.reasons && (
            <p className="error-message">
              <span className="visually-hidden">Error:</span> {failure.fields.reasons}
            </p>
          )}
          {WEBHOOK_REASONS.map((reason) => (
            <Checkbox
              key={reason}
              id={`reason-${reason}`}
              label={REASON_NAMES[reason]}
              checked={values.reasons.includes(reason)}
              onChange={(e) => toggle(reason, e.target.checked)}
            />
          ))}
        </fieldset>
        <TextField
          id="secret"
          label="Signing secret (optional)"
          hint="At least 16 characters. Parley then signs each post so your own service can check it came from Parley. Slack and Teams do not need one."
          type="password"
          autoComplete="new-password"
          value={values.secret}
          onChange={(e) => setValues((v) => ({ ...v, secret: e.target.value }))}
          error={failure.fields.secret}
        />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add webhook'}
        </Button>
      </form>
    </section>
  );
};
