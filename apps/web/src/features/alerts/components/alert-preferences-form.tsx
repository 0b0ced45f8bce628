import { useState, type FormEvent } from 'react';
import './alerts.css';
import type { AlertPreferences } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { SelectField } from '../../../components/ui/select-field';
import { TextField } from '../../../components/ui/text-field';
import { useAlertPreferences, useSaveAlertPreferences } from '../api/alert-preferences';
import { useFieldFailure } from '../hooks/use-field-failure';
import { severityInWords } from '../utils/alert-words';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const IDS = {
  minSeverity: 'alert-min-severity',
  'quietHours.from': 'alert-quiet-from',
  'quietHours.to': 'alert-quiet-to',
} as const;

const Form = ({ saved }: { saved: AlertPreferences }) => {
  const [inApp, setInApp] = useState(saved.inApp);
  const [email, setEmail] = useState(saved.email);
  const [minSeverity, setMinSeverity] = useState(String(saved.minSeverity));
  const [quiet, setQuiet] = useState(saved.quietHours !== null);
  const [from, setFrom] = useState(saved.quietHours?.from ?? '22:00');
  const [to, setTo] = useState(saved.quietHours?.to ?? '07:00');
  const [savedCount, setSavedCount] = useState(0);
  const save = useSaveAlertPreferences();
  const f = useFieldFailure(IDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (quiet && !TIME.test(from))
      return f.missing('quietHours.from', 'Enter when quiet hours start, like 22:00');
    if (quiet && !TIME.test(to)) return f.missing('quietHours.to', 'Enter when quiet hours end, like 07:00');
    f.clear();
    save.mutate(
      { inApp, email, minSeverity: Number(minSeverity), quietHours: quiet ? { from, to } : null },
      { onSuccess: () => setSavedCount((n) => n + 1), onError: f.fromError },
    );
  };
  return (
    <>
      {savedCount > 0 && (
        <NotificationBanner title="Success" focusKey={savedCount}>
          <p className="notification-banner__heading">Your alert choices are saved</p>
        </NotificationBanner>
      )}
      <ErrorSummary items={f.summary} />
      <form className="form" onSubmit={submit} noValidate aria-labelledby="alert-choices-title">
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Tell me about new alerts</legend>
          <Checkbox
            id="alert-in-app"
            label="In Parley, as they happen"
            checked={inApp}
            onChange={(e) => setInApp(e.target.checked)}
          />
          <Checkbox
            id="alert-email"
            label="By email"
            checked={email}
            onChange={(e) => setEmail(e.target.checked)}
          />
        </fieldset>
        <SelectField
          id={IDS.minSeverity}
          label="Send me alerts one by one from"
          hint="Less severe alerts wait for the digest instead."
          value={minSeverity}
          onChange={setMinSeverity}
          error={f.error('minSeverity')}
        >
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {severityInWords(n)}
            </option>
          ))}
        </SelectField>
        <Checkbox
          id="alert-quiet"
          label="Keep quiet hours"
          hint="During quiet hours (UK time) alerts only appear in Parley; nothing is emailed."
          checked={quiet}
          onChange={(e) => setQuiet(e.target.checked)}
        />
        {quiet && (
          <div className="alert-quiet-hours">
            <TextField
              id={IDS['quietHours.from']}
              label="Quiet hours start"
              hint="For example, 22:00"
              className="input--width-5"
              inputMode="numeric"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              error={f.error('quietHours.from')}
            />
            <TextField
              id={IDS['quietHours.to']}
              label="Quiet hours end"
              hint="For example, 07:00"
              className="input--width-5"
              inputMode="numeric"
              value={to}
              onChange={(e) => setTo(e.target.value)}
              error={f.error('quietHours.to')}
            />
          </div>
        )}
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save alert choices'}
        </Button>
      </form>
    </>
  );
};

/** The Your account page's section where someone chooses how alerts reach them. */
export const AlertPreferencesForm = () => {
  const preferences = useAlertPreferences();
  return (
    <section aria-labelledby="alert-choices-title">
      <h2 id="alert-choices-title" className="heading-m">
        Alerts
      </h2>
      {preferences.isPending ? (
        <Loading label="Loading your alert choices" />
      ) : preferences.isError ? (
        <ErrorPanel
          title="Your alert choices could not be loaded"
          error={preferences.error}
          onRetry={() => void preferences.refetch()}
        />
      ) : (
        <Form saved={preferences.data} />
      )}
    </section>
  );
};
