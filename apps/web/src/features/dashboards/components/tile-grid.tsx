import type { MetricsResponse, Objective } from '@parley/contracts';
import { GCS_STAGES, metricDefinition, type MetricId } from '@parley/domain';
import type { DashboardScope } from '../api/dashboard-scope';
import { STAGE_HEADLINES, STAGE_NAMES } from '../utils/stages';
import { MetricTile } from './metric-tile';

type GridProps = {
  metrics: MetricsResponse;
  scope: DashboardScope;
  bucket: 'hour' | 'day' | 'week';
  objectives: Objective[];
  /** The objective chosen in the filters: its metric heads its stage. */
  objective?: Objective;
};

/** The objective a tile is read against: the chosen one if it measures this metric, else the first that does. */
const objectiveFor = (id: MetricId, objectives: Objective[], chosen?: Objective) =>
  chosen?.metric === id ? chosen : objectives.find((o) => o.metric === id);

export const TileGrid = ({
  ids,
  metrics,
  scope,
  bucket,
  objectives,
  objective,
}: GridProps & { ids: MetricId[] }) => (
  <div className="tile-grid">
    {ids.map((id) => (
      <MetricTile
        key={id}
        id={id}
        reading={metrics.metrics[id]}
        scope={scope}
        bucket={bucket}
        compare={metrics.compare}
        objective={objectiveFor(id, objectives, objective)}
      />
    ))}
  </div>
);

/** The six GCS Evaluation Cycle stages, in order, each headed by one metric (or the chosen objective's). */
export const StageTiles = ({ metrics, scope, bucket, objectives, objective }: GridProps) => (
  <div className="tile-grid tile-grid--stages">
    {GCS_STAGES.map((stage) => {
      const chosen =
        objective && metricDefinition(objective.metric as MetricId)?.stages[0] === stage
          ? (objective.metric as MetricId)
          : STAGE_HEADLINES[stage];
      return (
        <MetricTile
          key={stage}
          id={chosen}
          eyebrow={STAGE_NAMES[stage]}
          reading={metrics.metrics[chosen]}
          scope={scope}
          bucket={bucket}
          compare={metrics.compare}
          objective={objectiveFor(chosen, objectives, objective)}
        />
      );
    })}
  </div>
);
