import { useTranslation } from 'react-i18next';
import { useThemes } from '../../features/dashboards/api/get-themes';
import { PublicDashboard } from '../../features/dashboards/components/public-dashboard';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import { DashboardShell } from './dashboard-shell';

export const PublicSaysRoute = () => {
  const { t } = useTranslation();
  const filters = useDashboardFilters();
  // The same query the themes panel makes (one request): here it fills the filter bar's theme list.
  const themes = useThemes(filters.scope);
  return (
    <DashboardShell
      title={t('dashboards.pages.publicSays.label')}
      lead={t('dashboards.leads.publicSays')}
      filters={filters}
      themes={themes.data?.themes}
    >
      {(scope) => (
        <PublicDashboard
          scope={scope}
          bucket={filters.bucket}
          theme={filters.params.theme || undefined}
          platform={filters.params.channel || undefined}
          canLabel={filters.canLabel}
        />
      )}
    </DashboardShell>
  );
};
