import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { AlertFilters } from '../../features/alerts/components/alert-filters';
import { AlertList } from '../../features/alerts/components/alert-list';
import {
  alertQuery,
  alertSearch,
  parseAlertParams,
  periodWords,
} from '../../features/alerts/utils/alert-params';
import { useAlertAccess } from '../hooks/use-alert-access';

export const AlertsRoute = () => {
  const { me, readable, departmentName } = useAlertAccess();
  const [search, setSearch] = useSearchParams();
  const departments = me.workspaceAdmin ? me.departments : readable;
  const params = parseAlertParams(
    search,
    departments.map((d) => d.key),
  );
  const filtered = Boolean(params.department || params.status || params.kind);
  return (
    <>
      <title>Alerts – Parley</title>
      <h1 className="heading-l">Alerts</h1>
      {departments.length === 0 ? (
        <EmptyState title="You are not in any department yet">
          <p>Ask a department admin to add you; its alerts appear here once they have.</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            When a conversation turns: mentions far above the usual, a campaign against a delivery partner, or
            a sharp fall in sentiment. Each alert says why.
          </p>
          <AlertFilters
            key={search.toString()}
            departments={departments}
            value={params}
            onApply={(next) => setSearch(alertSearch(next))}
          />
          <AlertList
            filter={alertQuery(params, new Date())}
            departmentName={departmentName}
            filtered={filtered}
            periodWords={periodWords(params.period)}
          />
        </>
      )}
    </>
  );
};
