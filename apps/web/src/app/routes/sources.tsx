import { EmptyState } from '../../components/ui/empty-state';
import { ErrorPanel } from '../../components/ui/error-panel';
import { Loading } from '../../components/ui/loading';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { useHealth } from '../../features/health/api/get-health';
import { HealthStatus } from '../../features/health/components/health-status';
import { SOURCES_REFRESH_MS, useSources } from '../../features/sources/api/get-sources';
import { SourcesTable } from '../../features/sources/components/sources-table';
import { formatDateTime } from '../../lib/format';

export const SourcesRoute = () => {
  const me = useSignedInUser();
  const health = useHealth();
  return (
    <>
      <title>Sources – Parley</title>
      <h1 className="heading-l">Sources</h1>
      <p className="lead">
        The places Parley listens to, and how the last fetch from each went. This page updates every{' '}
        {SOURCES_REFRESH_MS / 1000} seconds.
      </p>
      <HealthStatus health={health.data} failed={health.isError} />
      <SourcesResults departmentName={departmentNamer(me.departments)} />
    </>
  );
};

const SourcesResults = ({ departmentName }: { departmentName: (key: string) => string }) => {
  const sources = useSources();

  if (sources.isPending) return <Loading label="Loading sources" />;
  if (sources.isLoadingError) {
    return (
      <ErrorPanel
        title="Sources could not be loaded"
        error={sources.error}
        onRetry={() => void sources.refetch()}
      />
    );
  }
  if (sources.data.length === 0) {
    return (
      <EmptyState title="No sources yet">
        <p>
          Parley has nowhere to listen. A Parley administrator adds sources (feeds, forums, Mastodon or
          Bluesky) to the workspace; they appear here once added.
        </p>
      </EmptyState>
    );
  }

  const updated = formatDateTime(new Date(sources.dataUpdatedAt));
  return (
    <>
      {sources.isRefetchError && (
        // Keep showing the last good answer: a blip in polling should not blank the table.
        <p className="warning-text" role="alert">
          <span className="warning-text__icon" aria-hidden="true">
            !
          </span>
          <span>
            <strong>Could not refresh.</strong> Showing sources as they were at {updated}.
          </span>
        </p>
      )}
      <p className="secondary-text">Last updated {updated}</p>
      <SourcesTable sources={sources.data} departmentName={departmentName} now={new Date()} />
    </>
  );
};
