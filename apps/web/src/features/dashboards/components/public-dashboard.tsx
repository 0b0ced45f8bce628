import type { DashboardScope } from '../api/dashboard-scope';
import { useDrillDownPanel } from '../hooks/use-drill-down';
import { Link } from 'react-router';
import { describeAccuracy, netSentimentDetail } from '../utils/metric-detail';
import { MetricsGate } from './metrics-gate';
import { SentimentClasses } from './sentiment-classes';
import { PostsPanel } from './posts-panel';
import { SeriesChart } from './series-chart';
import { ThemesPanel } from './themes-panel';
import { TileGrid } from './tile-grid';

type PublicDashboardProps = {
  scope: DashboardScope;
  bucket: 'hour' | 'day' | 'week';
  theme?: string;
  platform?: string;
  /** May label posts (evaluation.record), so the accuracy sentence links to the labelling screen. */
  canLabel: boolean;
};

/** For policy officials: the themes, the tone and its measured accuracy, and how much people talked. */
export const PublicDashboard = ({ scope, bucket, theme, platform, canLabel }: PublicDashboardProps) => {
  const drill = useDrillDownPanel();
  return (
    <MetricsGate scope={scope}>
      {(metrics) => {
        const tiles = { metrics, scope, bucket, objectives: [] };
        const sentiment = netSentimentDetail(metrics.metrics.net_sentiment);
        return (
          <>
            {drill.open && <PostsPanel {...drill.open} onClose={drill.close} />}
            <section className="dashboard-row" aria-labelledby="row-themes">
              <h2 className="heading-m" id="row-themes">
                Themes
              </h2>
              <p>
                What the public’s posts about the department’s area were about, with a representative quote.
              </p>
              <ThemesPanel scope={scope} withExcerpts platform={platform} onDrill={drill.show} />
            </section>
            <section className="dashboard-row" aria-labelledby="row-sentiment">
              <h2 className="heading-m" id="row-sentiment">
                Tone
              </h2>
              <TileGrid ids={['net_sentiment', 'sentiment_shift']} {...tiles} />
              <p className="accuracy-note">
                {describeAccuracy(sentiment?.accuracy ?? null)}
                {canLabel && (
                  <>
                    {' '}
                    <Link className="link" to="/sentiment/labels">
                      Check the classifier on a sample of posts
                    </Link>
                  </>
                )}
              </p>
              <SentimentClasses
                counts={sentiment?.counts ?? null}
                onSelect={(sentimentClass, name) =>
                  drill.show({
                    title: `${name} posts`,
                    filter: {
                      department: scope.department,
                      from: scope.from,
                      to: scope.to,
                      sentiment: sentimentClass,
                      theme,
                      platform,
                    },
                  })
                }
              />
              <SeriesChart
                metric="net_sentiment"
                scope={scope}
                bucket={bucket}
                title="Net sentiment over the period"
                noun="Net sentiment"
                kind="line"
                postsFilter={{ theme, platform }}
                onDrill={drill.show}
              />
            </section>
            <section className="dashboard-row" aria-labelledby="row-mentions">
              <h2 className="heading-m" id="row-mentions">
                Mentions
              </h2>
              <TileGrid ids={['velocity', 'share_of_voice', 'opportunities']} {...tiles} />
              <SeriesChart
                metric="velocity"
                scope={scope}
                bucket={bucket}
                title="Mentions of the department, with spikes"
                noun="Mentions"
                kind="line"
                postsFilter={{ theme, platform }}
                onDrill={drill.show}
              />
            </section>
          </>
        );
      }}
    </MetricsGate>
  );
};
