import type { RuleVersion } from '@parley/contracts';
import { LAWFUL_BASIS_LABELS } from '@parley/domain';
import { DateTime } from '../../../components/ui/date-time';

type RuleVersionsTableProps = { versions: RuleVersion[]; now: Date };

/** Who changed the rule, when, why, and what the query was before and after; newest first. */
export const RuleVersionsTable = ({ versions, now }: RuleVersionsTableProps) => (
  <div className="table-scroll" role="region" aria-labelledby="versions-caption" tabIndex={0}>
    <table className="table versions-table">
      <caption id="versions-caption" className="visually-hidden">
        Versions of this rule, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col" className="table__numeric">
            Version
          </th>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Why</th>
          <th scope="col">Query</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => (
          <tr key={version.version}>
            <th scope="row" className="table__numeric">
              {version.version}
            </th>
            <td>
              <DateTime value={version.changedAt} now={now} variant="compact" />
            </td>
            <td>{version.changedBy ?? <span className="secondary-text">Not recorded</span>}</td>
            <td className="versions-table__why">
              {version.reason ?? <span className="secondary-text">No reason given</span>}
              {!version.enabled && <span className="versions-table__off"> (rule off)</span>}
              <span className="versions-table__basis">
                Lawful basis:{' '}
                {version.lawfulBasis ? LAWFUL_BASIS_LABELS[version.lawfulBasis].name : 'not chosen'}
              </span>
              {version.namedPeople.length > 0 && (
                <span className="versions-table__basis">
                  Follows {version.namedPeople.map((p) => `@${p}`).join(', ')}. Justification:{' '}
                  {version.justification ?? 'none'}
                </span>
              )}
            </td>
            <td className="versions-table__query">
              <QueryChange before={version.queryBefore} after={version.queryAfter} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

const QueryChange = ({ before, after }: { before: string | null; after: string }) => {
  if (before === null) {
    return (
      <>
        <span className="query-change__label">First version:</span>{' '}
        <code className="code code--block">{after}</code>
      </>
    );
  }
  if (before === after) {
    return (
      <>
        <span className="query-change__label">Unchanged:</span>{' '}
        <code className="code code--block">{after}</code>
      </>
    );
  }
  return (
    <dl className="query-change">
      <dt className="query-change__label">Before</dt>
      <dd>
        <code className="code code--block">{before}</code>
      </dd>
      <dt className="query-change__label">
        <span aria-hidden="true">→ </span>After
      </dt>
      <dd>
        <code className="code code--block">{after}</code>
      </dd>
    </dl>
  );
};
