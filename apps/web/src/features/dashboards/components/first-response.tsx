import type { MetricValueDto } from '@parley/contracts';
import { summariseBars } from '../../../components/charts/summaries';
import { BarChart } from '../../../components/charts/bar-chart';
import { backlogRows, firstResponseDetail } from '../utils/metric-detail';
import { formatMetricValue } from '../utils/metric-text';
import { NotYet } from './not-yet';

type FirstResponseProps = { reading: MetricValueDto | undefined };

const minutes = (value: number | null | undefined) => formatMetricValue(value ?? null, 'minutes');

/** First-response median and 90th percentile against the service level, then the open backlog by age. */
export const FirstResponse = ({ reading }: FirstResponseProps) => {
  const detail = firstResponseDetail(reading);
  if (!detail) {
    return (
      <>
        <NotYet title="First-response time against the service level" />
        <NotYet title="Conversations waiting for a first response, by age" />
      </>
    );
  }
  const sla =
    detail.sla.minutes !== null
      ? ` (the service level is ${minutes(detail.sla.minutes)}${detail.sla.businessHours ? ' in working hours' : ''})`
      : '';
  const backlog = backlogRows(detail);
  return (
    <>
      <section className="figure-box" aria-labelledby="first-response-heading">
        <h3 className="chart__title" id="first-response-heading">
          First-response time against the service level
        </h3>
        <dl className="figure-list">
          <div>
            <dt>Half answered within</dt>
            <dd>{minutes(detail.median)}</dd>
          </div>
          <div>
            <dt>9 in 10 answered within</dt>
            <dd>{minutes(detail.p90)}</dd>
          </div>
          <div>
            <dt>Answered within the service level</dt>
            <dd>{formatMetricValue(detail.withinSla, 'percent')}</dd>
          </div>
        </dl>
        <p className="chart__summary">
          The median and 90th percentile of the time to a first response{sla}. Conversations not yet answered
          are counted below, never guessed.
        </p>
      </section>
      {detail.backlog.count > 0 ? (
        <BarChart
          data={backlog}
          index="Waiting"
          categories={['Conversations']}
          title="Conversations waiting for a first response, by age"
          summary={summariseBars(
            'Waiting conversations',
            backlog.map((b) => ({ label: b.Waiting.toLowerCase(), value: b.Conversations })),
            (v) => String(v),
          )}
        />
      ) : (
        <NotYet title="Conversations waiting for a first response, by age">
          No conversation is waiting for a first response.
        </NotYet>
      )}
    </>
  );
};
