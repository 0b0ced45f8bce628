import type { EvaluationRecords } from '@parley/contracts';
import { metricDefinition, isMetricId } from '@parley/domain';
import { DateTime } from '../../../components/ui/date-time';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useEvaluationRecords } from '../api/get-evaluation-records';
import { FollowUpsDue } from './follow-ups-due';
import { ObjectiveForm } from './objective-form';

const LEVELS = [
  'None',
  'Insight sent to the policy team',
  'Cited in a submission or options paper',
  'Decision or text changed',
];
const metricName = (id: string) => (isMetricId(id) ? metricDefinition(id).name : id);
const percent = (agree: number, n: number) =>
  n === 0 ? 'no one asked' : `${Math.round((agree / n) * 100)}% of ${n.toLocaleString('en-GB')}`;
const points = (value: number | null) =>
  value === null ? 'no data' : `${value >= 0 ? '+' : ''}${value.toFixed(1)} points`;

const Lists = ({ records }: { records: EvaluationRecords }) => (
  <>
    <h2 className="heading-m">Objectives</h2>
    {records.objectives.length === 0 ? (
      <p>No objectives yet.</p>
    ) : (
      <ul className="list">
        {records.objectives.map((o) => (
          <li key={o.id}>
            {o.description} ({o.audience}): {metricName(o.metric)}, baseline {o.baseline ?? 'not set'}, target{' '}
            {o.target ?? 'not set'}
          </li>
        ))}
      </ul>
    )}
    <ObjectiveForm department={records.department} />
    <h2 className="heading-m">Engagement exercises</h2>
    {records.exercises.length === 0 ? (
      <p>No exercises yet.</p>
    ) : (
      <ul className="list">
        {records.exercises.map((e) => (
          <li key={e.id}>
            <strong>{e.title}</strong>: started <DateTime value={e.startedAt} />
            {e.closedAt ? (
              <>
                , closed <DateTime value={e.closedAt} />
              </>
            ) : (
              ', still open'
            )}
            .{' '}
            {e.youSaidWeDid ? (
              <a className="link" href={e.youSaidWeDid.url}>
                “You said, we did” update
              </a>
            ) : (
              'No “you said, we did” update yet.'
            )}{' '}
            Policy influence:{' '}
            {e.influence.length === 0
              ? 'not recorded yet'
              : LEVELS[Math.max(...e.influence.map((i) => i.level))]}
            .
          </li>
        ))}
      </ul>
    )}
    <h2 className="heading-m">What did not work</h2>
    {records.lessons.length === 0 ? (
      <p>No lessons recorded yet.</p>
    ) : (
      <ul className="list">
        {records.lessons.map((l) => (
          <li key={l.id}>{l.text}</li>
        ))}
      </ul>
    )}
    <h2 className="heading-m">Surveyed outcomes</h2>
    {records.surveys.length === 0 ? (
      <p>No surveys yet.</p>
    ) : (
      <ul className="list">
        {records.surveys.map((s) => (
          <li key={s.id}>
            “{s.question}” ({s.method}): agreeing before {percent(s.before.agree, s.before.n)}, after{' '}
            {percent(s.after.agree, s.after.n)}; change {points(s.change)}
            {s.ciLow !== null &&
              s.ciHigh !== null &&
              ` (95% confidence interval ${points(s.ciLow)} to ${points(s.ciHigh)})`}
          </li>
        ))}
      </ul>
    )}
    <h2 className="heading-m">Input costs</h2>
    {records.costs.length === 0 ? (
      <p>No costs yet.</p>
    ) : (
      <ul className="list">
        {records.costs.map((c) => (
          <li key={c.id}>
            <DateTime value={c.from} /> to <DateTime value={c.to} />: {c.staffHours} staff hours at £
            {c.hourlyRate} an hour, plus £{c.toolCost} for tools
          </li>
        ))}
      </ul>
    )}
  </>
);

/** A department's evaluation records: follow-ups due first, then each kind of record. */
export const EvaluationRecordsPage = ({ department }: { department: string }) => {
  const records = useEvaluationRecords(department);
  if (records.isPending) return <Loading label="Loading the evaluation records" />;
  if (records.isError)
    return (
      <ErrorPanel
        title="The evaluation records could not be loaded"
        error={records.error}
        onRetry={() => void records.refetch()}
      />
    );
  return (
    <>
      <FollowUpsDue items={records.data.followUpsDue ?? []} />
      <Lists records={records.data} />
    </>
  );
};

export const NoEvaluationAccess = () => (
  <EmptyState title="You cannot see evaluation records">
    <p>A department’s policy officials, managers and admins read and record its evaluation.</p>
  </EmptyState>
);
