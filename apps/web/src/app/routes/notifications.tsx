import { Link } from 'react-router';
import { NotificationList } from '../../features/notifications/components/notification-list';

export const NotificationsRoute = () => (
  <>
    <title>Notifications – Parley</title>
    <h1 className="heading-l">Notifications</h1>
    <p className="lead">
      What concerns you in the departments you belong to. Choose which also reach you by email on{' '}
      <Link to="/account" className="link">
        your account page
      </Link>
      .
    </p>
    <NotificationList />
  </>
);
