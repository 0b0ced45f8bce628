import { useObjectives } from '../../features/dashboards/api/get-objectives';
import { EvaluationDashboard } from '../../features/dashboards/components/evaluation-dashboard';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import { DashboardShell } from './dashboard-shell';

export const EvaluationRoute = () => {
  const filters = useDashboardFilters();
  const objectives = useObjectives(filters.scope, filters.canEvaluate);
  const list = objectives.data ?? [];
  return (
    <DashboardShell
      title="Evaluation"
      lead="What the department’s engagement achieved, stage by stage, read against its objectives: what worked and what did not."
      filters={filters}
      objectives={list}
    >
      {(scope) => (
        <EvaluationDashboard
          scope={scope}
          bucket={filters.bucket}
          objectives={list}
          objective={list.find((o) => o.id === filters.params.objective)}
          platform={filters.params.channel || undefined}
          theme={filters.params.theme || undefined}
        />
      )}
    </DashboardShell>
  );
};
