import type { SourceWithHealth } from '@parley/contracts';
import type { ReactNode } from 'react';
import { DateTime } from '../../../components/ui/date-time';
import { formatCount } from '../../../lib/format';
import { safeExternalUrl } from '../../../lib/safe-url';
import { sourceTypeLabel } from '../utils/source-labels';

type SourcesTableProps = { sources: SourceWithHealth[]; departmentName: (key: string) => string; now: Date };

/** Wide by nature: it scrolls inside a focusable region so keyboard users can scroll it too (WCAG 2.1.1). */
export const SourcesTable = ({ sources, departmentName, now }: SourcesTableProps) => (
  <div className="table-scroll" role="region" aria-labelledby="sources-caption" tabIndex={0}>
    <table className="table">
      <caption id="sources-caption" className="table__caption">
        {sources.length === 1 ? '1 source' : `${formatCount(sources.length)} sources`}
      </caption>
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Type</th>
          <th scope="col">Address</th>
          <th scope="col">Interval</th>
          <th scope="col">Department</th>
          <th scope="col">Last fetch</th>
          <th scope="col">Last success</th>
          <th scope="col">Last error</th>
          <th scope="col">Next run</th>
          <th scope="col" className="table__numeric">
            Posts
          </th>
          <th scope="col" className="table__numeric">
            Posts a day (last 7 days)
          </th>
        </tr>
      </thead>
      <tbody>
        {sources.map((source) => (
          <SourceRow key={source.id} source={source} departmentName={departmentName} now={now} />
        ))}
      </tbody>
    </table>
  </div>
);

const NOTE_LABELS = { error: 'Error', warning: 'Warning' } as const;

/** An error (the last fetch failed) or a warning (it worked, but the feed was read only in part). */
const HealthNote = ({ kind, children }: { kind: keyof typeof NOTE_LABELS; children: ReactNode }) => (
  <p className={`source__${kind}`}>
    <span className={`source__${kind}-icon`} aria-hidden="true">
      !
    </span>
    <span>
      <strong>{NOTE_LABELS[kind]}:</strong> {children}
    </span>
  </p>
);

type SourceRowProps = { source: SourceWithHealth; departmentName: (key: string) => string; now: Date };

const SourceRow = ({ source, departmentName, now }: SourceRowProps) => {
  const href = safeExternalUrl(source.url);
  return (
    <tr>
      <th scope="row">
        <span className="source__name">{source.name ?? source.key}</span>
        {source.name && <code className="code source__key">{source.key}</code>}
        {!source.enabled && <span className="source__paused">Paused</span>}
      </th>
      <td>{sourceTypeLabel(source.type)}</td>
      <td className="source__url">
        {href ? (
          <a href={href} className="link" rel="noreferrer">
            {source.url}
          </a>
        ) : (
          <code className="code">{source.url}</code>
        )}
      </td>
      <td className="source__interval">every {source.interval}</td>
      <td>{source.department ? departmentName(source.department) : 'Shared'}</td>
      <td>
        <DateTime value={source.health.lastFetchAt} now={now} fallback="Never" variant="compact" />
      </td>
      <td>
        <DateTime value={source.health.lastSuccessAt} now={now} fallback="Never" variant="compact" />
      </td>
      <td>
        {source.health.lastError && (
          <HealthNote kind="error">
            {source.health.lastError}
            {source.health.consecutiveFailures > 1 &&
              ` (failed ${source.health.consecutiveFailures} times in a row)`}
          </HealthNote>
        )}
        {source.health.lastWarning && <HealthNote kind="warning">{source.health.lastWarning}</HealthNote>}
        {!source.health.lastError && !source.health.lastWarning && (
          <span className="secondary-text">None</span>
        )}
      </td>
      <td>
        <DateTime
          value={source.health.nextRunAt}
          now={now}
          fallback={source.enabled ? 'Not scheduled' : 'Paused'}
          variant="compact"
        />
      </td>
      <td className="table__numeric">{formatCount(source.health.postCount)}</td>
      <td className="table__numeric">{source.health.postsPerDay.toLocaleString('en-GB')}</td>
    </tr>
  );
};
