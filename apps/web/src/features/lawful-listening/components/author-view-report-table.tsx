import type { AuthorViewReport } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { formatCount } from '../../../lib/format';

const REACHED = {
  'below-warning': 'Below the warning',
  warning: 'Warned',
  'reason-required': 'Reason asked for',
} as const;

type Props = { report: AuthorViewReport; now: Date };

/** One row per person and member of the public they opened, most conversations first. */
export const AuthorViewReportTable = ({ report, now }: Props) => {
  const { rows, settings } = report;
  const warned = rows.filter((r) => r.reached !== 'below-warning').length;
  return (
    <>
      <p>
        {rows.length === 0
          ? 'Nobody opened posts by a member of the public in this period.'
          : `${formatCount(rows.length)} ${rows.length === 1 ? 'pairing' : 'pairings'} of a colleague and a member of the public; ${formatCount(warned)} reached the warning (${settings.authorViewWarningAt} conversations in ${settings.authorViewWindowDays} days) or more.`}
      </p>
      {rows.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="author-views-caption" tabIndex={0}>
          <table className="table author-views-table">
            <caption id="author-views-caption" className="table__caption">
              Repeated viewing of members of the public, most conversations first
            </caption>
            <thead>
              <tr>
                <th scope="col">Colleague</th>
                <th scope="col">Member of the public</th>
                <th scope="col" className="table__numeric">
                  Conversations opened
                </th>
                <th scope="col" className="table__numeric">
                  Openings
                </th>
                <th scope="col">Last opened</th>
                <th scope="col">Reached</th>
                <th scope="col">Reasons given</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.user.id} ${r.author.key}`}>
                  <th scope="row">
                    {r.user.name}
                    <span className="secondary-text"> {r.user.email}</span>
                  </th>
                  <td>
                    {r.author.name && r.author.name !== r.author.handle
                      ? `${r.author.name} (${r.author.handle})`
                      : r.author.handle}
                    <span className="secondary-text"> on {r.author.platform}</span>
                  </td>
                  <td className="table__numeric">{formatCount(r.conversations)}</td>
                  <td className="table__numeric">{formatCount(r.openings)}</td>
                  <td>
                    <DateTime value={r.lastViewedAt} now={now} variant="compact" />
                  </td>
                  <td>{REACHED[r.reached]}</td>
                  <td>
                    {r.reasons === 0
                      ? 'None'
                      : `${formatCount(r.reasons)}; latest: “${r.latestReason ?? ''}”`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};
