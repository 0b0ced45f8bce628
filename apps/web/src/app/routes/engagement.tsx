import { useTranslation } from 'react-i18next';
import { EngagementDashboard } from '../../features/dashboards/components/engagement-dashboard';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import { DashboardShell } from './dashboard-shell';

export const EngagementRoute = () => {
  const { t } = useTranslation();
  const filters = useDashboardFilters();
  return (
    <DashboardShell
      title={t('dashboards.pages.engagement.label')}
      lead={t('dashboards.leads.engagement')}
      filters={filters}
    >
      {(scope) => (
        <EngagementDashboard
          scope={scope}
          bucket={filters.bucket}
          platform={filters.params.channel || undefined}
        />
      )}
    </DashboardShell>
  );
};
