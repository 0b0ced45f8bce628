import type { AuditEvent } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';

type AuditTableProps = { events: AuditEvent[]; departmentName: (key: string) => string; now: Date };

/** What changed, as recorded: shown only when there is something, in a disclosure so the table stays scannable. */
const Change = ({ event }: { event: AuditEvent }) =>
  event.before === null && event.after === null ? (
    <span className="secondary-text">No details</span>
  ) : (
    <details className="audit-details">
      <summary>Before and after</summary>
      {event.before !== null && (
        <>
          <p className="audit-details__label">Before</p>
          <pre className="audit-details__value">{JSON.stringify(event.before, null, 2)}</pre>
        </>
      )}
      {event.after !== null && (
        <>
          <p className="audit-details__label">After</p>
          <pre className="audit-details__value">{JSON.stringify(event.after, null, 2)}</pre>
        </>
      )}
    </details>
  );

export const AuditTable = ({ events, departmentName, now }: AuditTableProps) => (
  <div className="table-scroll">
    <table className="table table--compact">
      <caption className="table__caption visually-hidden">Recorded changes, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Department</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id}>
            <td>
              <DateTime value={event.at} now={now} variant="compact" />
            </td>
            <td>
              {event.actor.name ?? event.actor.label}
              {event.actor.name && <span className="secondary-text"> ({event.actor.label})</span>}
            </td>
            <td>{event.description}</td>
            <td>
              {event.department ? (
                departmentName(event.department)
              ) : (
                <span className="secondary-text">Whole workspace</span>
              )}
            </td>
            <td>
              <Change event={event} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
