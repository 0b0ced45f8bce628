import type { DashboardScope } from '../api/dashboard-scope';
import { useDrillDownPanel } from '../hooks/use-drill-down';
import { ENGAGEMENT_TILES, OWN_POST_TILES } from '../utils/layouts';
import { activityBreakdown, modeMix } from '../utils/metric-detail';
import { formatMetricValue } from '../utils/metric-text';
import { BreakdownChart } from './breakdown-chart';
import { FirstResponse } from './first-response';
import { MetricsGate } from './metrics-gate';
import { OwnPosts } from './own-posts';
import { PostsPanel } from './posts-panel';
import { SeriesChart } from './series-chart';
import { TileGrid } from './tile-grid';

type EngagementDashboardProps = { scope: DashboardScope; bucket: 'hour' | 'day' | 'week'; platform?: string };

/** For comms teams: what came in, what the team answered and how fast, and how its own posts did. */
export const EngagementDashboard = ({ scope, bucket, platform }: EngagementDashboardProps) => {
  const drill = useDrillDownPanel();
  return (
    <MetricsGate scope={scope}>
      {(metrics) => {
        const m = metrics.metrics;
        const tiles = { metrics, scope, bucket, objectives: [] };
        return (
          <>
            {drill.open && <PostsPanel {...drill.open} onClose={drill.close} />}
            <section className="dashboard-row" aria-labelledby="row-work">
              <h2 className="heading-m" id="row-work">
                Opportunities and responses
              </h2>
              <TileGrid ids={ENGAGEMENT_TILES} {...tiles} />
              <SeriesChart
                metric="opportunities"
                scope={scope}
                bucket={bucket}
                title="Opportunities found over the period"
                noun="Opportunities"
                kind="columns"
                postsFilter={{ platform }}
                onDrill={drill.show}
              />
              <FirstResponse reading={m.first_response} />
            </section>
            <section className="dashboard-row" aria-labelledby="row-activity">
              <h2 className="heading-m" id="row-activity">
                What the team did
              </h2>
              <TileGrid ids={['activity', 'triangle_mix']} {...tiles} />
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
                valueFormatter={(value) => formatMetricValue(value, 'percent')}
                items={modeMix(m.triangle_mix)}
                empty="No engagement in this period had its mode (telling, listening or working with people) recorded."
              />
            </section>
            <section className="dashboard-row" aria-labelledby="row-own-posts">
              <h2 className="heading-m" id="row-own-posts">
                The department’s own posts
              </h2>
              <p>Likes, reposts and replies by others: the department’s own accounts never count here.</p>
              <TileGrid ids={OWN_POST_TILES} {...tiles} />
              <div className="own-posts">
                <OwnPosts scope={scope} order="best" />
                <OwnPosts scope={scope} order="worst" />
              </div>
            </section>
          </>
        );
      }}
    </MetricsGate>
  );
};
