import { useEffect } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BarChart } from '../../components/charts/bar-chart';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { ErrorPanel } from '../../components/ui/error-panel';
import { Loading } from '../../components/ui/loading';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { useConversations } from '../../features/conversations/api/get-conversations';
import { ConversationList } from '../../features/conversations/components/conversation-list';
import { InboxFilters } from '../../features/conversations/components/inbox-filters';
import { useCurrentElectionPeriod } from '../../features/election-periods/api/get-current-election-period';
import { ElectionPeriodMark } from '../../features/election-periods/components/election-period-mark';
import {
  inboxSearch,
  isExplicit,
  parseInboxParams,
  type InboxParams,
} from '../../features/conversations/utils/inbox-params';
import { countByRoute, summariseRoutes } from '../../features/conversations/utils/tags';

export const InboxRoute = () => {
  const me = useSignedInUser();
  const [search, setSearch] = useSearchParams();
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

  return (
    <>
      <title>
        {params.department ? `Inbox: ${departmentName(params.department)} – Parley` : 'Inbox – Parley'}
      </title>
      <h1 className="heading-l">Inbox</h1>
      {me.departments.length === 0 ? (
        <EmptyState title="You are not in a department yet">
          <p>
            The inbox shows conversations tagged for your departments. Ask a Parley administrator to add you
            to one.
          </p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            Conversations Parley has tagged for {departmentName(params.department ?? '')}: why each was tagged
            and how you might reply.
          </p>
          <InboxFilters
            key={`${params.department}|${params.sort}`}
            departments={me.departments}
            value={params}
            onApply={apply}
          />
          <InboxResults params={params} departmentName={departmentName(params.department ?? '')} />
        </>
      )}
    </>
  );
};

type InboxResultsProps = { params: InboxParams; departmentName: string };

const InboxResults = ({ params, departmentName }: InboxResultsProps) => {
  const conversations = useConversations(params);
  const electionPeriod = useCurrentElectionPeriod().data?.current ?? null;

  if (conversations.isPending) return <Loading label="Loading conversations" />;
  if (conversations.isLoadingError) {
    return (
      <ErrorPanel
        title="Conversations could not be loaded"
        error={conversations.error}
        onRetry={() => void conversations.refetch()}
      />
    );
  }

  const items = conversations.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <NoConversations departmentName={departmentName} />;

  const routes = countByRoute(items, params.department);
  const now = new Date();
  return (
    <>
      <p className="results-count" role="status" aria-live="polite">
        Showing {items.length} {items.length === 1 ? 'conversation' : 'conversations'}
        {conversations.hasNextPage ? ' (more available)' : ''}
      </p>
      <div className="inbox-layout">
        <div className="inbox-layout__list">
          <ConversationList
            items={items}
            department={params.department}
            now={now}
            proactiveMark={electionPeriod && <ElectionPeriodMark period={electionPeriod} />}
          />
          {conversations.isFetchNextPageError && (
            <ErrorPanel title="More conversations could not be loaded" error={conversations.error} />
          )}
          {conversations.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => void conversations.fetchNextPage()}
              disabled={conversations.isFetchingNextPage}
            >
              {conversations.isFetchingNextPage ? 'Loading more conversations…' : 'Load more conversations'}
            </Button>
          )}
        </div>
        <aside className="inbox-layout__aside" aria-label="Suggested routes">
          <BarChart
            data={routes}
            index="Route"
            categories={['Conversations']}
            title="Suggested routes for the conversations shown"
            summary={summariseRoutes(routes)}
          />
        </aside>
      </div>
    </>
  );
};

const NoConversations = ({ departmentName }: { departmentName: string }) => (
  <EmptyState title="No conversations matched yet">
    <p>
      Parley tags a conversation when it matches one of {departmentName}’s listening rules. Nothing has
      matched so far: the sources may not have been fetched yet, or the rules may not match what people are
      saying.
    </p>
    <p>
      Check the{' '}
      <Link to="/sources" className="link">
        sources page
      </Link>{' '}
      to see when each source was last fetched and whether it reported an error.
    </p>
  </EmptyState>
);
