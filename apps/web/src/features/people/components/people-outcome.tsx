import { NotificationBanner } from '../../../components/ui/notification-banner';
import { OneTimeSecret } from '../../../components/ui/one-time-secret';

/** What the last action on the page did, said once in a success banner; a new password is shown only here. */
export type PeopleOutcome = { message: string; password?: { label: string; value: string } };

export const PeopleOutcomeBanner = ({ outcome, focusKey }: { outcome: PeopleOutcome; focusKey: number }) => (
  <NotificationBanner title="Success" focusKey={focusKey}>
    <p className="notification-banner__heading">{outcome.message}</p>
    {outcome.password && (
      <>
        <p>
          Give it to them in person or by another secure route. It is shown only this once: if it is lost,
          reset the password again.
        </p>
        <OneTimeSecret label={outcome.password.label} value={outcome.password.value} />
      </>
    )}
  </NotificationBanner>
);
