import { useId } from 'react';
import type { MetricValueDto, Objective } from '@parley/contracts';
import { metricDefinition, type MetricId } from '@parley/domain';
import { Sparkline } from '../../../components/charts/sparkline';
import { Tag } from '../../../components/ui/tag';
import { useMetricSeries } from '../api/get-metric-series';
import type { DashboardScope } from '../api/dashboard-scope';
import { describeMovement, formatMetricValue } from '../utils/metric-text';
import { STAGE_NAMES } from '../utils/stages';

type MetricTileProps = {
  id: MetricId;
  /** The metric as the api answered it; undefined when the response does not carry it (not worked out yet). */
  reading: MetricValueDto | undefined;
  scope: DashboardScope;
  bucket: 'hour' | 'day' | 'week';
  compare: { from: string; to: string } | null;
  objective?: Objective;
  /** Shown above the name on the stage row ("Inputs"). */
  eyebrow?: string;
};

const count = new Intl.NumberFormat('en-GB');

/** The numbers behind the value: a ratio's numerator and denominator; a count has no denominator. */
const workedOut = (reading: MetricValueDto): string => {
  if (reading.numerator !== null && reading.denominator !== null) {
    return `Worked out from ${count.format(reading.numerator)} out of ${count.format(reading.denominator)}.`;
  }
  if (reading.unit === 'count') return 'A count, so there is no denominator.';
  return `Worked out from ${count.format(reading.n)} observations.`;
};

/**
 * One metric: its value in words with its unit, how many it rests on, its change, the objective it is read
 * against, a sparkline, and how it is worked out on demand. No value is "No data", never 0.
 */
export const MetricTile = ({ id, reading, scope, bucket, compare, objective, eyebrow }: MetricTileProps) => {
  const nameId = useId();
  const definition = metricDefinition(id);
  const { department, from, to } = scope;
  const series = useMetricSeries({ metric: id, department, from, to, bucket }, reading !== undefined);
  const change = reading ? describeMovement(reading, compare) : null;
  return (
    <article className="tile" aria-labelledby={nameId} data-metric={id}>
      {eyebrow && <p className="tile__eyebrow">{eyebrow}</p>}
      <h3 className="tile__name" id={nameId}>
        {definition.name}
      </h3>
      {reading === undefined ? (
        <>
          <p className="tile__value tile__value--none">No data yet</p>
          <p className="tile__note">Parley does not work this out for this department yet.</p>
        </>
      ) : (
        <>
          <p className="tile__value">{formatMetricValue(reading.value, reading.unit)}</p>
          <p className="tile__note">
            {reading.value === null ? 'Nothing to measure in this period. ' : ''}
            Based on {count.format(reading.n)}
            {/* "Small sample" warns about a value; with no value there is nothing to read with care. */}
            {reading.smallSample && reading.value !== null && (
              <>
                {' '}
                <Tag tone="orange">Small sample</Tag>
              </>
            )}
          </p>
          {change && <p className="tile__change">{change[0].toUpperCase() + change.slice(1)}</p>}
          {objective && (
            <dl className="tile__objective">
              <div>
                <dt>Target</dt>
                <dd>{formatMetricValue(objective.target, definition.unit)}</dd>
              </div>
              <div>
                <dt>Baseline</dt>
                <dd>{formatMetricValue(objective.baseline, definition.unit)}</dd>
              </div>
            </dl>
          )}
          <Sparkline values={series.data?.points.map((p) => p.value) ?? []} />
        </>
      )}
      <details className="details tile__how">
        <summary className="details__summary">How is this worked out?</summary>
        <p>{definition.formula}</p>
        {reading && <p>{workedOut(reading)}</p>}
        {reading && reading.excluded > 0 && (
          <p>{count.format(reading.excluded)} left out because they came from spam or bot accounts.</p>
        )}
        {reading?.smallSample && reading.value !== null && (
          <p>Fewer than 30 behind this figure: read it with care.</p>
        )}
        <p className="tile__stage">
          Evaluation stage: {definition.stages.map((s) => STAGE_NAMES[s]).join(', ')}
          {definition.alsoKnownAs ? ` (${definition.alsoKnownAs})` : ''}.
        </p>
      </details>
    </article>
  );
};
