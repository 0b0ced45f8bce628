import { Link } from 'react-router';
import type { Notification } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useNotifications } from '../api/get-notifications';
import { useMarkRead } from '../api/mark-read';

/** Where a notice leads: its conversation, its alert (or a digest's department's alerts), or the evaluation records. */
const linkOf = (n: Notification): string => {
  if (n.conversationId) return `/conversations/${encodeURIComponent(n.conversationId)}`;
  if (n.reason === 'alert-raised')
    return n.alertId
      ? `/alerts/${encodeURIComponent(n.alertId)}`
      : `/alerts?department=${encodeURIComponent(n.department)}`;
  if (n.rule) return `/rules/${encodeURIComponent(n.department)}/${encodeURIComponent(n.rule)}`;
  return `/evaluation-records/${encodeURIComponent(n.department)}`;
};

const Item = ({ notification, onOpen }: { notification: Notification; onOpen: () => void }) => (
  <li className={notification.read ? undefined : 'notification-list__item--unread'}>
    <Link to={linkOf(notification)} className="link" onClick={onOpen}>
      {notification.text}
    </Link>
    {!notification.read && <span className="visually-hidden"> (unread)</span>}
    <p className="notification-list__meta">
      <DateTime value={notification.at} />
    </p>
  </li>
);

/** The signed-in person's notifications, newest first; opening one marks it read. */
export const NotificationList = () => {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  if (notifications.isPending) return <Loading label="Loading your notifications" />;
  if (notifications.isError)
    return (
      <ErrorPanel
        title="Your notifications could not be loaded"
        error={notifications.error}
        onRetry={() => void notifications.refetch()}
      />
    );
  const items = notifications.data.pages.flatMap((page) => page.items);
  const unread = notifications.data.pages[0]?.unread ?? 0;
  if (items.length === 0)
    return (
      <EmptyState title="No notifications yet">
        <p>
          You will hear here when a conversation is assigned to you, someone mentions you, a draft needs your
          clearance, or a first response is nearly due.
        </p>
      </EmptyState>
    );
  return (
    <>
      <p>
        {unread === 0 ? 'You have read them all.' : `${unread} unread.`}{' '}
        {unread > 0 && (
          <Button variant="link" onClick={() => markRead.mutate({ all: true })} disabled={markRead.isPending}>
            Mark all as read
          </Button>
        )}
      </p>
      <ul className="notification-list">
        {items.map((n) => (
          <Item key={n.id} notification={n} onOpen={() => !n.read && markRead.mutate({ ids: [n.id] })} />
        ))}
      </ul>
      {notifications.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => void notifications.fetchNextPage()}
          disabled={notifications.isFetchingNextPage}
        >
          {notifications.isFetchingNextPage ? 'Loading…' : 'Show older notifications'}
        </Button>
      )}
    </>
  );
};
