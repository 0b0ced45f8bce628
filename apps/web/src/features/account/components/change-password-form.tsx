import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { TextField } from '../../../components/ui/text-field';
import { formFailure, noFailure, summaryOf, type FormFailure } from '../../../lib/form-failure';
import { useChangePassword } from '../api/change-password';
import {
  EMPTY_PASSWORD_CHANGE,
  PASSWORD_FIELDS as FIELDS,
  validatePasswordChange,
  type PasswordField as Field,
  type PasswordChangeValues as Values,
} from '../utils/password-change';

export const ChangePasswordForm = () => {
  const [values, setValues] = useState<Values>(EMPTY_PASSWORD_CHANGE);
  const [failure, setFailure] = useState<FormFailure<Field>>(noFailure);
  const [changed, setChanged] = useState(0);
  const change = useChangePassword();
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields = validatePasswordChange(values);
    setFailure({ fields, other: [] });
    if (Object.keys(fields).length > 0) return;
    setChanged(0);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          setValues(EMPTY_PASSWORD_CHANGE);
          setChanged((n) => n + 1);
        },
        onError: (error) => setFailure(formFailure(error, FIELDS)),
      },
    );
  };
  return (
    <section aria-labelledby="password-title">
      <h2 id="password-title" className="heading-m">
        Change your password
      </h2>
      {changed > 0 && (
        <NotificationBanner title="Success" focusKey={changed}>
          <p className="notification-banner__heading">Your password has been changed</p>
          <p>Anywhere else you were signed in has been signed out. You stay signed in here.</p>
        </NotificationBanner>
      )}
      <ErrorSummary items={summaryOf(failure, FIELDS)} />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={(e) => set('currentPassword')(e.target.value)}
          error={failure.fields.currentPassword}
        />
        <TextField
          id="newPassword"
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not one of the common passwords attackers try first. Three random words make a long password that is easy to remember.`}
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={(e) => set('newPassword')(e.target.value)}
          error={failure.fields.newPassword}
        />
        <TextField
          id="confirmPassword"
          label="Type the new password again"
          type="password"
          autoComplete="new-password"
          value={values.confirmPassword}
          onChange={(e) => set('confirmPassword')(e.target.value)}
          error={failure.fields.confirmPassword}
        />
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </Button>
      </form>
    </section>
  );
};
