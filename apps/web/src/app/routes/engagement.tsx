import { EngagementDashboard } from '../../features/dashboards/components/engagement-dashboard';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import { DashboardShell } from './dashboard-shell';

export const EngagementRoute = () => {
  const filters = useDashboardFilters();
  return (
    <DashboardShell
      title="Engagement"
      lead="The conversations Parley found for the department, which ones the team joined, how fast, and how its own posts did."
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
