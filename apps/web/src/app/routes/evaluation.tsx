import { useTranslation } from 'react-i18next';
import { useObjectives } from '../../features/dashboards/api/get-objectives';
import { EvaluationDashboard } from '../../features/dashboards/components/evaluation-dashboard';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import { DashboardShell } from './dashboard-shell';

export const EvaluationRoute = () => {
  const { t } = useTranslation();
  const filters = useDashboardFilters();
  const objectives = useObjectives(filters.scope, filters.canEvaluate);
  const list = objectives.data ?? [];
  return (
    <DashboardShell
      title={t('dashboards.pages.evaluation.label')}
      lead={t('dashboards.leads.evaluation')}
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
