import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { useRetentionStatus } from '../api/get-retention-status';
import { lastRunText, retentionText } from '../utils/privacy-text';

/** How long public posts are kept, source by source, and what the retention job last did. */
export const RetentionStatusPanel = () => {
  const status = useRetentionStatus();
  if (status.error)
    return (
      <ErrorPanel
        title="Retention could not be loaded"
        error={status.error}
        onRetry={() => void status.refetch()}
      />
    );
  if (!status.data) return <p>Loading retention…</p>;
  const { data } = status;
  return (
    <>
      <p>
        <strong>Every source unless it says otherwise:</strong> {retentionText(data.default)}. Set in the
        workspace document.
      </p>
      {data.sources.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">How long each source keeps public posts</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Public posts</th>
            </tr>
          </thead>
          <tbody>
            {data.sources.map((s) => (
              <tr key={s.source}>
                <td>{s.source}</td>
                <td>
                  {retentionText(s)}
                  {s.own ? '' : ' (the default)'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <strong>Last run:</strong>{' '}
        {data.lastRun ? <DateTime value={data.lastRun.startedAt} variant="compact" /> : null}{' '}
        {lastRunText(data.lastRun)}
      </p>
      <p>
        <strong>Next run:</strong> <DateTime value={data.nextRunAt} fallback="Not scheduled at the moment" />
      </p>
      <p>
        <strong>Legal holds in force:</strong> {data.legalHolds.toLocaleString('en-GB')}
      </p>
    </>
  );
};
