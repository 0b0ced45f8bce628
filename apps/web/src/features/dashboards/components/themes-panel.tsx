import { BarChart } from '../../../components/charts/bar-chart';
import { summariseBars } from '../../../components/charts/summaries';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { Tag } from '../../../components/ui/tag';
import { useThemes } from '../api/get-themes';
import { notServed, type DashboardScope } from '../api/dashboard-scope';
import { describeChange, formatMetricValue } from '../utils/metric-text';
import { NotYet } from './not-yet';
import type { DrillDown } from './posts-panel';

type ThemesPanelProps = {
  scope: DashboardScope;
  /** Show each theme's representative excerpt (the public view); the evaluation row shows the chart only. */
  withExcerpts?: boolean;
  platform?: string;
  onDrill?: (drill: DrillDown) => void;
};

const percent = (value: number) => formatMetricValue(value, 'percent');

/** The themes of the department's on-topic posts: share, change in points, excerpts, drill-down by theme. */
export const ThemesPanel = ({ scope, withExcerpts = false, platform, onDrill }: ThemesPanelProps) => {
  const themes = useThemes(scope);
  const title = 'What people talked about: themes by share of on-topic posts';
  if (themes.isPending) return <Loading label="Loading the themes" />;
  if (themes.isError) {
    return notServed(themes.error) ? (
      <NotYet title={title} />
    ) : (
      <ErrorPanel
        title="The themes could not be loaded"
        error={themes.error}
        onRetry={() => void themes.refetch()}
      />
    );
  }
  const { themes: list, compare, onTopic } = themes.data;
  if (list.length === 0)
    return <NotYet title={title}>No on-topic posts in this period, so no themes.</NotYet>;
  const rows = list.map((t) => ({ Theme: t.label, 'Share (%)': t.share ?? 0, id: t.id }));
  return (
    <>
      <BarChart
        data={rows}
        index="Theme"
        categories={['Share (%)']}
        valueFormatter={percent}
        title={title}
        summary={`${summariseBars(
          'Themes',
          rows.map((r) => ({ label: r.Theme, value: r['Share (%)'] })),
          percent,
        )} Out of ${new Intl.NumberFormat('en-GB').format(onTopic)} on-topic posts.`}
        onSelect={
          onDrill
            ? (row) =>
                onDrill({
                  title: `Posts about “${row.Theme}”`,
                  filter: {
                    department: scope.department,
                    from: scope.from,
                    to: scope.to,
                    theme: row.id,
                    platform,
                  },
                })
            : undefined
        }
      />
      {withExcerpts && (
        <ul className="theme-list">
          {list.map((theme) => {
            const change = describeChange(theme.change, 'percent', compare);
            return (
              <li key={theme.id} className="theme-list__item">
                <h3 className="heading-s">{theme.label}</h3>
                <p>
                  {theme.share === null ? 'No data' : `${percent(theme.share)} of on-topic posts`}
                  {change ? `, ${change}` : ''}. {theme.smallSample && <Tag tone="orange">Small sample</Tag>}
                </p>
                {theme.excerpt && (
                  <blockquote className="theme-list__quote">
                    <p>{theme.excerpt.text}</p>
                  </blockquote>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
};
