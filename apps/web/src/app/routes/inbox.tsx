import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/ui/empty-state';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { InboxFilters } from '../../features/conversations/components/inbox-filters';
import { InboxResults } from '../../features/conversations/components/inbox-results';
import { useCurrentElectionPeriod } from '../../features/election-periods/api/get-current-election-period';
import { ElectionPeriodMark } from '../../features/election-periods/components/election-period-mark';
import {
  MY_WORK,
  NO_FILTERS,
  hasFilters,
  inboxSearch,
  isExplicit,
  isMyWork,
  parseInboxParams,
  type InboxParams,
} from '../../features/conversations/utils/inbox-params';
import { sourceLabel } from '../../features/conversations/utils/labels';
import { useSources } from '../../features/sources/api/get-sources';

export const InboxRoute = () => {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [search, setSearch] = useSearchParams();
  const sources = useSources();
  const electionPeriod = useCurrentElectionPeriod().data?.current ?? null;
  const params = parseInboxParams(
    search,
    me.departments.map((d) => d.key),
  );

  // A bare /inbox shows the first department: write that into the URL so a copied link reproduces the view.
  useEffect(() => {
    if (params.department && !isExplicit(search, params))
      setSearch(inboxSearch(params, search), { replace: true });
  }, [params, search, setSearch]);

  const departmentName = departmentNamer(me.departments);
  const apply = (next: InboxParams) => setSearch(inboxSearch(next, search));
  const myWork = isMyWork(params);
  const link = (next: InboxParams) => `/inbox?${inboxSearch(next, search).toString()}`;
  const canAct = me.departments.some(
    (d) => d.key === params.department && d.permissions.includes('conversation.act'),
  );
  const viewKey = inboxSearch(params).toString();
  const heading = myWork ? t('inbox.myWork') : t('inbox.inbox');
  const department = departmentName(params.department ?? '');

  return (
    <>
      <title>
        {t('common.pageTitle', { page: params.department ? `${heading}: ${department}` : heading })}
      </title>
      <h1 className="heading-l">{heading}</h1>
      {me.departments.length === 0 ? (
        <EmptyState title={t('inbox.noDepartmentTitle')}>
          <p>{t('inbox.noDepartmentBody')}</p>
        </EmptyState>
      ) : (
        <>
          <nav className="inbox-views" aria-label={t('inbox.views')}>
            <ul className="inbox-views__list">
              <li>
                <Link
                  to={link({ ...params, ...NO_FILTERS })}
                  className="inbox-views__link"
                  aria-current={!hasFilters(params) ? 'page' : undefined}
                >
                  {t('inbox.all')}
                </Link>
              </li>
              <li>
                <Link
                  to={link({ ...params, ...NO_FILTERS, ...MY_WORK })}
                  className="inbox-views__link"
                  aria-current={myWork ? 'page' : undefined}
                >
                  {t('inbox.myWork')}
                </Link>
              </li>
            </ul>
          </nav>
          <p className="lead">
            {myWork ? t('inbox.leadMyWork', { department }) : t('inbox.leadAll', { department })}
          </p>
          <InboxFilters
            key={`filters ${viewKey}`}
            departments={me.departments}
            sources={(sources.data ?? []).map((s) => ({
              key: s.key,
              name: sourceLabel({ source: s.key, sourceName: s.name }),
            }))}
            value={params}
            onApply={apply}
          />
          <InboxResults
            key={`results ${viewKey}`}
            params={params}
            myId={me.id}
            canAct={canAct}
            departmentName={department}
            proactiveMark={electionPeriod && <ElectionPeriodMark period={electionPeriod} />}
          />
        </>
      )}
    </>
  );
};
