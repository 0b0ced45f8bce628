import { Link } from 'react-router';
import './alerts.css';
import type { Alert } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { DateTime } from '../../../components/ui/date-time';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useAlerts, type AlertFilter } from '../api/get-alerts';
import { alertTitle, measureInWords } from '../utils/alert-words';
import { AlertTags } from './alert-tags';

type AlertListProps = {
  filter: AlertFilter;
  departmentName: (key: string) => string;
  /** Whether a department, status or kind narrows the list, so the empty state can say so. */
  filtered: boolean;
  /** The period in words for the empty state: "in the last 30 days", "yet". */
  periodWords: string;
};

const AlertItem = ({ alert, departmentName }: { alert: Alert; departmentName: (key: string) => string }) => (
  <li className="alert-list__item">
    <h2 className="heading-s alert-list__title">
      <Link className="link" to={`/alerts/${encodeURIComponent(alert.id)}`}>
        {alertTitle(alert)}
      </Link>
    </h2>
    <AlertTags alert={alert} />
    <p>{alert.explanation.summary}</p>
    <p className="secondary-text">{measureInWords(alert.measure)}</p>
    <p className="alert-list__meta">
      {departmentName(alert.department)} · started <DateTime value={alert.startedAt} variant="compact" />
      {alert.assignee && ` · with ${alert.assignee.name}`}
    </p>
  </li>
);

/** Alerts newest first, a page at a time. */
export const AlertList = ({ filter, departmentName, filtered, periodWords }: AlertListProps) => {
  const alerts = useAlerts(filter);
  if (alerts.isPending) return <Loading label="Loading the alerts" />;
  if (alerts.isLoadingError)
    return (
      <ErrorPanel
        title="The alerts could not be loaded"
        error={alerts.error}
        onRetry={() => void alerts.refetch()}
      />
    );
  const items = alerts.data.pages.flatMap((page) => page.items);
  if (items.length === 0)
    return filtered ? (
      <EmptyState title={`No alerts match these filters ${periodWords}`}>
        <p>Try a longer period, or any status, kind or department.</p>
      </EmptyState>
    ) : (
      <EmptyState title={`No alerts ${periodWords}`}>
        <p>
          Parley raises an alert when mentions rise far above the usual, when posts target a delivery partner
          with boycott or protest language, or when sentiment turns sharply. Nothing like that has happened.
        </p>
      </EmptyState>
    );
  return (
    <>
      <p role="status">
        {items.length === 1 ? 'One alert' : `${items.length} alerts`}
        {alerts.hasNextPage ? ' so far' : ''}.
      </p>
      <ul className="alert-list">
        {items.map((alert) => (
          <AlertItem key={alert.id} alert={alert} departmentName={departmentName} />
        ))}
      </ul>
      {alerts.isFetchNextPageError && (
        <ErrorPanel title="More alerts could not be loaded" error={alerts.error} />
      )}
      {alerts.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => void alerts.fetchNextPage()}
          disabled={alerts.isFetchingNextPage}
        >
          {alerts.isFetchingNextPage ? 'Loading more alerts…' : 'Show more alerts'}
        </Button>
      )}
    </>
  );
};
