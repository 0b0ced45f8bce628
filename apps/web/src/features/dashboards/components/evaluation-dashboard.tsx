import type { MetricsResponse, Objective } from '@parley/contracts';
import type { DashboardScope } from '../api/dashboard-scope';
import { useDrillDownPanel } from '../hooks/use-drill-down';
import { EVALUATION_ROWS, type DashboardRow } from '../utils/layouts';
import { activityBreakdown, modeMix } from '../utils/metric-detail';
import { formatMetricValue } from '../utils/metric-text';
import { BreakdownChart } from './breakdown-chart';
import { FirstResponse } from './first-response';
import { MetricsGate } from './metrics-gate';
import { PostsPanel, type DrillDown } from './posts-panel';
import { SeriesChart } from './series-chart';
import { ThemesPanel } from './themes-panel';
import { StageTiles, TileGrid } from './tile-grid';

type EvaluationDashboardProps = {
  scope: DashboardScope;
  bucket: 'hour' | 'day' | 'week';
  objectives: Objective[];
  objective?: Objective;
  platform?: string;
  theme?: string;
};

type RowChartsProps = {
  row: DashboardRow;
  metrics: MetricsResponse;
  scope: DashboardScope;
  bucket: 'hour' | 'day' | 'week';
  platform?: string;
  theme?: string;
  onDrill: (drill: DrillDown) => void;
};

const share = (value: number) => formatMetricValue(value, 'percent');

/** The charts a row shows under its tiles. */
const RowCharts = ({ row, metrics, scope, bucket, platform, theme, onDrill }: RowChartsProps) => {
  const m = metrics.metrics;
  switch (row.id) {
    case 'responsiveness':
      return <FirstResponse reading={m.first_response} />;
    case 'reach':
      return (
        <>
          <SeriesChart
            metric="velocity"
            scope={scope}
            bucket={bucket}
            title="Mentions of the department, with spikes"
            noun="Mentions"
            kind="line"
            postsFilter={{ platform, theme }}
            onDrill={onDrill}
          />
          <ThemesPanel scope={scope} platform={platform} onDrill={onDrill} />
        </>
      );
    case 'participation':
      return (
        <>
          <BreakdownChart
            title="Engagements by type"
            noun="Engagements"
            items={activityBreakdown(m.activity, 'byType')}
            empty="No engagements were recorded in this period."
          />
          <BreakdownChart
            title="Engagements by route"
            noun="Engagements"
            items={activityBreakdown(m.activity, 'byRoute')}
            empty="No engagements were recorded in this period."
          />
          <BreakdownChart
            title="Engagement mode mix"
            noun="Engagements"
            stacked
            valueFormatter={share}
            items={modeMix(m.triangle_mix)}
            empty="No engagement in this period had its mode (telling, listening or working with people) recorded."
          />
        </>
      );
    default:
      return null;
  }
};

/** The manager's evaluation dashboard (METRICS.md): the six GCS stages, then the rows. */
export const EvaluationDashboard = ({
  scope,
  bucket,
  objectives,
  objective,
  platform,
  theme,
}: EvaluationDashboardProps) => {
  const drill = useDrillDownPanel();
  return (
    <MetricsGate scope={scope}>
      {(metrics) => (
        <>
          {drill.open && <PostsPanel {...drill.open} onClose={drill.close} />}
          <section className="dashboard-row" aria-labelledby="row-stages">
            <h2 className="heading-m" id="row-stages">
              The evaluation cycle, stage by stage
            </h2>
            <p>
              One headline figure for each stage of the Government Communication Service evaluation cycle.
            </p>
            <StageTiles
              metrics={metrics}
              scope={scope}
              bucket={bucket}
              objectives={objectives}
              objective={objective}
            />
            <SeriesChart
              metric="opportunities"
              scope={scope}
              bucket={bucket}
              title="Opportunities found over the period"
              noun="Opportunities"
              kind="columns"
              postsFilter={{ platform, theme }}
              onDrill={drill.show}
            />
          </section>
          {EVALUATION_ROWS.map((row) => (
            <section key={row.id} className="dashboard-row" aria-labelledby={`row-${row.id}`}>
              <h2 className="heading-m" id={`row-${row.id}`}>
                {row.title}
              </h2>
              <p>{row.intro}</p>
              <TileGrid
                ids={row.metrics}
                metrics={metrics}
                scope={scope}
                bucket={bucket}
                objectives={objectives}
                objective={objective}
              />
              <RowCharts
                row={row}
                metrics={metrics}
                scope={scope}
                bucket={bucket}
                platform={platform}
                theme={theme}
                onDrill={drill.show}
              />
            </section>
          ))}
        </>
      )}
    </MetricsGate>
  );
};
