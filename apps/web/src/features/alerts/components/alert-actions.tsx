import { useState } from 'react';
import type { Alert, AlertAction } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { SelectField } from '../../../components/ui/select-field';
import { TextareaField } from '../../../components/ui/textarea-field';
import { useActOnAlert, useMuteAlerts } from '../api/act-on-alert';
import { useAssignableMembers } from '../api/get-members';
import { useSources } from '../api/get-sources';
import { useFieldFailure } from '../hooks/use-field-failure';
import { MUTE_FOR, SNOOZE_FOR, untilAfter } from '../utils/durations';
import { ActionForm } from './action-form';

type AlertActionsProps = {
  alert: Alert;
  meId: string;
  /** Department admins may hand the alert to a colleague (only they may list the department's people). */
  canListMembers: boolean;
  /** Muting a rule or a source changes the department's listening: for those who edit its rules. */
  canMute: boolean;
  onDone: (message: string) => void;
};

type Act = ReturnType<typeof useActOnAlert>;

/** Acknowledge, and take it on yourself: the two things done most, as plain buttons. */
const QuickActions = ({
  alert,
  meId,
  act,
  onDone,
}: {
  alert: Alert;
  meId: string;
  act: Act;
  onDone: (m: string) => void;
}) => {
  const { summary, fromError, clear } = useFieldFailure({});
  const send = (action: AlertAction, message: string) => {
    clear();
    act.mutate({ id: alert.id, action }, { onSuccess: () => onDone(message), onError: fromError });
  };
  return (
    <>
      <ErrorSummary items={summary} />
      <div className="button-group">
        {(alert.status === 'open' || alert.status === 'snoozed') && (
          <Button
            disabled={act.isPending}
            onClick={() => send({ action: 'acknowledge' }, 'You have acknowledged this alert')}
          >
            Acknowledge
          </Button>
        )}
        {alert.status !== 'closed' && alert.assignee?.id !== meId && (
          <Button
            variant="secondary"
            disabled={act.isPending}
            onClick={() => send({ action: 'assign', userId: meId }, 'You have taken this alert on')}
          >
            Take it myself
          </Button>
        )}
        {alert.status === 'closed' && (
          <Button
            variant="secondary"
            disabled={act.isPending}
            onClick={() => send({ action: 'reopen' }, 'The alert is open again')}
          >
            Reopen
          </Button>
        )}
      </div>
    </>
  );
};

const AssignForm = ({ alert, act, onDone }: { alert: Alert; act: Act; onDone: (m: string) => void }) => {
  const members = useAssignableMembers(alert.department, true);
  const [userId, setUserId] = useState('');
  const ids = { userId: 'alert-assignee' };
  const f = useFieldFailure(ids);
  const people = (members.data ?? []).filter((m) => m.id !== alert.assignee?.id);
  const submit = () => {
    if (!userId) return f.missing('userId', 'Choose who to give the alert to');
    f.clear();
    const name = people.find((p) => p.id === userId)?.name ?? 'them';
    act.mutate(
      { id: alert.id, action: { action: 'assign', userId } },
      { onSuccess: () => onDone(`The alert is with ${name}`), onError: f.fromError },
    );
  };
  return (
    <ActionForm
      id="alert-assign"
      title="Give it to a colleague"
      submitLabel="Assign"
      pending={act.isPending}
      summary={f.summary}
      onSubmit={submit}
    >
      <SelectField
        id={ids.userId}
        label="Colleague"
        value={userId}
        onChange={setUserId}
        error={f.error('userId')}
      >
        <option value="">
          {members.isPending ? 'Loading the department’s people…' : 'Choose a colleague'}
        </option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
    </ActionForm>
  );
};

/** How long a snooze or a mute lasts, from its list of choices. */
const DurationField = ({
  choices,
  ...field
}: {
  id: string;
  label: string;
  hint?: string;
  choices: readonly { value: string; label: string }[];
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) => (
  <SelectField {...field}>
    <option value="">Choose how long</option>
    {choices.map((c) => (
      <option key={c.value} value={c.value}>
        {c.label}
      </option>
    ))}
  </SelectField>
);

const SnoozeForm = ({ alert, act, onDone }: { alert: Alert; act: Act; onDone: (m: string) => void }) => {
  const [length, setLength] = useState('');
  const ids = { until: 'alert-snooze-for' };
  const f = useFieldFailure(ids);
  const submit = () => {
    const chosen = SNOOZE_FOR.find((s) => s.value === length);
    if (!chosen) return f.missing('until', 'Choose how long to snooze the alert for');
    f.clear();
    act.mutate(
      { id: alert.id, action: { action: 'snooze', until: untilAfter(chosen.hours, new Date()) } },
      {
        onSuccess: () => onDone(`The alert is snoozed for ${chosen.label.toLowerCase()}`),
        onError: f.fromError,
      },
    );
  };
  return (
    <ActionForm
      id="alert-snooze"
      title="Snooze it"
      submitLabel="Snooze"
      pending={act.isPending}
      summary={f.summary}
      onSubmit={submit}
    >
      <DurationField
        id={ids.until}
        label="Snooze for"
        hint="A snoozed alert leaves the open count, and comes back as open when the time is up."
        choices={SNOOZE_FOR}
        value={length}
        onChange={setLength}
        error={f.error('until')}
      />
    </ActionForm>
  );
};

type MuteTarget = { value: string; type: 'rule' | 'source'; id: string; label: string };

/** The rule the alert watches, and the sources Parley reads that its evidence names (matched by name or key). */
const useMuteTargets = (alert: Alert): MuteTarget[] => {
  const sources = useSources(alert.explanation.sources.length > 0);
  const named = new Set(alert.explanation.sources.map((s) => s.name));
  const targets: MuteTarget[] =
    alert.scope.type === 'rule' && alert.scope.id
      ? [
          {
            value: `rule:${alert.scope.id}`,
            type: 'rule',
            id: alert.scope.id,
            label: `The rule “${alert.scope.label}”`,
          },
        ]
      : [];
  for (const source of sources.data ?? []) {
    const name = source.name ?? source.key;
    if (named.has(name) || named.has(source.key))
      targets.push({
        value: `source:${source.id}`,
        type: 'source',
        id: source.id,
        label: `The source “${name}”`,
      });
  }
  return targets;
};

const MuteForm = ({ alert, onDone }: { alert: Alert; onDone: (m: string) => void }) => {
  const targets = useMuteTargets(alert);
  const mute = useMuteAlerts();
  const [target, setTarget] = useState('');
  const [length, setLength] = useState('');
  const [reason, setReason] = useState('');
  const ids = { target: 'alert-mute-target', until: 'alert-mute-for', reason: 'alert-mute-reason' };
  const f = useFieldFailure(ids);
  if (targets.length === 0) return null;
  const submit = () => {
    const chosen = targets.find((t) => t.value === target);
    const duration = MUTE_FOR.find((m) => m.value === length);
    if (!chosen) return f.missing('target', 'Choose what to mute');
    if (!duration) return f.missing('until', 'Choose how long to mute it for');
    if (!reason.trim()) return f.missing('reason', 'Say why it is muted, so colleagues know');
    f.clear();
    mute.mutate(
      {
        department: alert.department,
        target: { type: chosen.type, id: chosen.id },
        until: untilAfter(duration.hours, new Date()),
        reason: reason.trim(),
      },
      {
        onSuccess: () => {
          setReason('');
          onDone(`${chosen.label} raises no alerts for ${duration.label.toLowerCase()}`);
        },
        onError: f.fromError,
      },
    );
  };
  return (
    <ActionForm
      id="alert-mute"
      title="Mute a rule or a source"
      submitLabel="Mute"
      pending={mute.isPending}
      summary={f.summary}
      onSubmit={submit}
    >
      <SelectField
        id={ids.target}
        label="What to mute"
        hint="While muted, it raises no new alerts in this department. Alerts already raised stay."
        value={target}
        onChange={setTarget}
        error={f.error('target')}
      >
        <option value="">Choose a rule or a source</option>
        {targets.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </SelectField>
      <DurationField
        id={ids.until}
        label="Mute for"
        choices={MUTE_FOR}
        value={length}
        onChange={setLength}
        error={f.error('until')}
      />
      <TextareaField
        id={ids.reason}
        label="Why"
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={f.error('reason')}
      />
    </ActionForm>
  );
};

const CloseForm = ({ alert, act, onDone }: { alert: Alert; act: Act; onDone: (m: string) => void }) => {
  const [outcome, setOutcome] = useState('');
  const ids = { outcome: 'alert-outcome' };
  const f = useFieldFailure(ids);
  const submit = () => {
    if (!outcome.trim()) return f.missing('outcome', 'Write what happened, so the outcome is on record');
    f.clear();
    act.mutate(
      { id: alert.id, action: { action: 'close', outcome: outcome.trim() } },
      { onSuccess: () => onDone('The alert is closed'), onError: f.fromError },
    );
  };
  return (
    <ActionForm
      id="alert-close"
      title="Close it"
      submitLabel="Close the alert"
      pending={act.isPending}
      summary={f.summary}
      onSubmit={submit}
    >
      <TextareaField
        id={ids.outcome}
        label="Outcome"
        hint="What happened and what was done: it stays with the alert for the record."
        rows={4}
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
        error={f.error('outcome')}
      />
    </ActionForm>
  );
};

/** Everything a person can do with an alert, as its status allows; each change is audited by the api. */
export const AlertActions = ({ alert, meId, canListMembers, canMute, onDone }: AlertActionsProps) => {
  const act = useActOnAlert();
  return (
    <section aria-labelledby="alert-actions" className="alert-actions">
      <h2 id="alert-actions" className="heading-m">
        What to do
      </h2>
      <QuickActions alert={alert} meId={meId} act={act} onDone={onDone} />
      {alert.status !== 'closed' && (
        <>
          {canListMembers && <AssignForm alert={alert} act={act} onDone={onDone} />}
          {alert.status !== 'snoozed' && <SnoozeForm alert={alert} act={act} onDone={onDone} />}
          {canMute && <MuteForm alert={alert} onDone={onDone} />}
          <CloseForm alert={alert} act={act} onDone={onDone} />
        </>
      )}
    </section>
  );
};
