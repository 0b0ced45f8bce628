import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Objective, Theme } from '@parley/contracts';
import { EmptyState } from '../../components/ui/empty-state';
import type { DashboardScope } from '../../features/dashboards/api/dashboard-scope';
import { FilterBar } from '../../features/dashboards/components/filter-bar';
import { useDashboardFilters } from '../hooks/use-dashboard-filters';
import { DashboardsNav } from './dashboards-nav';

type DashboardShellProps = {
  title: string;
  lead: string;
  filters: ReturnType<typeof useDashboardFilters>;
  objectives?: Objective[];
  themes?: Theme[];
  children: (scope: DashboardScope) => ReactNode;
};

/** What the three dashboards share: the page title, the filter bar in the URL, and the no-department state. */
export const DashboardShell = ({
  title,
  lead,
  filters,
  objectives,
  themes,
  children,
}: DashboardShellProps) => {
  const { t } = useTranslation();
  const { readable, params, scope, departmentName, filtersKey, apply } = filters;
  return (
    <>
      <title>
        {t('common.pageTitle', { page: scope ? `${title}: ${departmentName(scope.department)}` : title })}
      </title>
      <DashboardsNav />
      <h1 className="heading-l">
        {title}
        {scope && <span className="heading-caption">{departmentName(scope.department)}</span>}
      </h1>
      {scope === null ? (
        <EmptyState title={t('common.noDepartmentTitle')}>
          <p>{t('common.noDepartmentBody')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">{lead}</p>
          <FilterBar
            key={filtersKey}
            label={t('dashboards.filterLabel', { title: title.toLowerCase() })}
            departments={readable}
            value={params}
            onApply={apply}
            objectives={objectives}
            themes={themes}
            showChannel
          />
          {children(scope)}
        </>
      )}
    </>
  );
};
