import { useState, type FormEvent } from 'react';
import type { NotificationPreferences } from '@parley/contracts';
import { EMAIL_CHOICE_REASONS, NOTICE_LABELS, type NoticeReason } from '@parley/domain';
import { Button } from '../../../components/ui/button';
import { Checkbox } from '../../../components/ui/checkbox';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { formFailure, noFailure, summaryOf } from '../../../lib/form-failure';
import { useNotificationPreferences } from '../api/get-notification-preferences';
import { useSaveNotificationPreferences } from '../api/save-notification-preferences';

const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);

const Form = ({ saved }: { saved: NotificationPreferences }) => {
  const [email, setEmail] = useState(saved.email);
  const [savedCount, setSavedCount] = useState(0);
  const [failure, setFailure] = useState(noFailure<never>());
  const save = useSaveNotificationPreferences();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(noFailure());
    save.mutate(
      { email },
      {
        onSuccess: () => setSavedCount((n) => n + 1),
        onError: (error) => setFailure(formFailure(error, [])),
      },
    );
  };
  const toggle = (reason: NoticeReason) => (checked: boolean) =>
    setEmail((e) => ({ ...e, [reason]: checked }));
  return (
    <>
      {savedCount > 0 && (
        <NotificationBanner title="Success" focusKey={savedCount}>
          <p className="notification-banner__heading">Your email choices are saved</p>
        </NotificationBanner>
      )}
      <ErrorSummary items={summaryOf(failure, [])} />
      {!saved.emailAvailable && (
        <p className="warning-text">
          This Parley does not send email yet (an administrator has not set up a mail server). Your choices
          are kept for when it does.
        </p>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="fieldset">
          <legend className="fieldset__legend">Email me when</legend>
          <p className="hint">
            Everything also appears in your notifications in Parley, whatever you choose here.
          </p>
          {EMAIL_CHOICE_REASONS.map((reason) => (
            <Checkbox
              key={reason}
              id={`email-${reason}`}
              label={capitalise(NOTICE_LABELS[reason])}
              checked={email[reason] ?? false}
              onChange={(e) => toggle(reason)(e.target.checked)}
            />
          ))}
        </fieldset>
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save email choices'}
        </Button>
      </form>
    </>
  );
};

/** The Your account page's section where someone chooses which notifications also reach them by email. */
export const NotificationPreferencesForm = () => {
  const preferences = useNotificationPreferences();
  return (
    <section aria-labelledby="email-choices-title">
      <h2 id="email-choices-title" className="heading-m">
        Notifications by email
      </h2>
      {preferences.isPending ? (
        <Loading label="Loading your email choices" />
      ) : preferences.isError ? (
        <ErrorPanel
          title="Your email choices could not be loaded"
          error={preferences.error}
          onRetry={() => void preferences.refetch()}
        />
      ) : (
        <Form saved={preferences.data} />
      )}
    </section>
  );
};
