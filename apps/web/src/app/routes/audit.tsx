import { Link, useSearchParams } from 'react-router';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorPanel } from '../../components/ui/error-panel';
import { Loading } from '../../components/ui/loading';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { useAudit } from '../../features/governance/api/get-audit';
import { AuditFilters } from '../../features/governance/components/audit-filters';
import { AuditTable } from '../../features/governance/components/audit-table';
import {
  auditCsvHref,
  auditSearch,
  parseAuditParams,
  type AuditParams,
} from '../../features/governance/utils/audit-params';

export const AuditRoute = () => {
  const me = useSignedInUser();
  const auditable = me.departments.filter((d) => d.permissions.includes('audit.read'));
  const [search, setSearch] = useSearchParams();
  const params = parseAuditParams(
    search,
    auditable.map((d) => d.key),
  );
  const departmentName = departmentNamer(me.departments);

  return (
    <>
      <title>Audit log – Parley</title>
      <h1 className="heading-l">Audit log</h1>
      {!me.workspaceAdmin && auditable.length === 0 ? (
        <EmptyState title="You cannot see the audit log">
          <p>
            A department’s admins and managers see its audit log; workspace administrators see everything.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            Every change recorded in Parley: who made it, what it was and when. Export it to keep or share the
            record.
          </p>
          {(me.workspaceAdmin || me.departments.some((d) => d.permissions.includes('records.export'))) && (
            <p>
              <Link to="/records">Export the department’s replies for the records office</Link>
            </p>
          )}
          {me.workspaceAdmin && (
            <p>
              For your data protection officer:{' '}
              <Link to="/reports/author-views" className="link">
                repeated viewing of members of the public
              </Link>
              .
            </p>
          )}
          <AuditFilters
            key={search.toString()}
            departments={auditable}
            allLabel={me.workspaceAdmin ? 'The whole workspace' : 'All your departments'}
            value={params}
            onApply={(next) => setSearch(auditSearch(next))}
          />
          <AuditResults params={params} departmentName={departmentName} />
        </>
      )}
    </>
  );
};

type AuditResultsProps = { params: AuditParams; departmentName: (key: string) => string };

const AuditResults = ({ params, departmentName }: AuditResultsProps) => {
  const audit = useAudit(params);
  if (audit.isPending) return <Loading label="Loading the audit log" />;
  if (audit.isLoadingError) {
    return (
      <ErrorPanel
        title="The audit log could not be loaded"
        error={audit.error}
        onRetry={() => void audit.refetch()}
      />
    );
  }
  const events = audit.data.pages.flatMap((page) => page.items);
  return (
    <>
      <p>
        {/* A download, not a page: a plain link lets the browser save it, with the session cookie. */}
        <a className="button button--secondary" href={auditCsvHref(params)} download>
          Export these changes as CSV
        </a>
      </p>
      <p className="results-count" role="status" aria-live="polite">
        {events.length === 0
          ? 'No changes match these filters'
          : `Showing ${events.length} ${events.length === 1 ? 'change' : 'changes'}${audit.hasNextPage ? ' (more available)' : ''}`}
      </p>
      {events.length > 0 && <AuditTable events={events} departmentName={departmentName} now={new Date()} />}
      {audit.isFetchNextPageError && (
        <ErrorPanel title="More changes could not be loaded" error={audit.error} />
      )}
      {audit.hasNextPage && (
        <Button
          variant="secondary"
          onClick={() => void audit.fetchNextPage()}
          disabled={audit.isFetchingNextPage}
        >
          {audit.isFetchingNextPage ? 'Loading more changes…' : 'Load more changes'}
        </Button>
      )}
    </>
  );
};
