import { useNavigate } from 'react-router';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { useForgetSignedInUser } from '../../features/auth/api/logout';
import { ApiTokens } from '../../features/account/components/api-tokens';
import { ChangePasswordForm } from '../../features/account/components/change-password-form';
import { SignOutEverywhere } from '../../features/account/components/sign-out-everywhere';
import { AlertPreferencesForm } from '../../features/alerts/components/alert-preferences-form';
import { NotificationPreferencesForm } from '../../features/notifications/components/notification-preferences-form';

export const AccountRoute = () => {
  const me = useSignedInUser();
  const forget = useForgetSignedInUser();
  const navigate = useNavigate();
  return (
    <>
      <title>Your account – Parley</title>
      <h1 className="heading-l">Your account</h1>
      <dl className="summary-list">
        <div className="summary-list__row">
          <dt>Name</dt>
          <dd>{me.name}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Email</dt>
          <dd>{me.email}</dd>
        </div>
        {me.workspaceAdmin && (
          <div className="summary-list__row">
            <dt>Administration</dt>
            <dd>You are a workspace administrator: you manage every department and every person.</dd>
          </div>
        )}
      </dl>
      <NotificationPreferencesForm />
      <AlertPreferencesForm />
      <ChangePasswordForm />
      <SignOutEverywhere
        onSignedOut={() => {
          forget();
          navigate('/sign-in', { replace: true });
        }}
      />
      <ApiTokens />
    </>
  );
};
