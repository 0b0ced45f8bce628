import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ConversationItem } from '@parley/contracts';
import type { DeclineReason } from '@parley/domain';
import { BarChart } from '../../../components/charts/bar-chart';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useChangeOpportunities } from '../api/change-opportunities';
import { useConversations } from '../api/get-conversations';
import { useInboxShortcuts } from '../hooks/use-inbox-shortcuts';
import { bulkItems, bulkOutcome, isOpen, type BulkOutcome } from '../utils/bulk';
import { hasFilters, type InboxParams } from '../utils/inbox-params';
import type { ShortcutAction } from '../utils/shortcuts';
import { countByRoute, summariseRoutes } from '../utils/tags';
import { BulkActions } from './bulk-actions';
import { BulkOutcomeBanner } from './bulk-outcome-banner';
import { ConversationList } from './conversation-list';
import { DeclineDialog } from './decline-dialog';
import { ShortcutsHelp } from './shortcuts-help';

type InboxResultsProps = {
  params: InboxParams;
  myId: string;
  canAct: boolean;
  departmentName: string;
  /** Shown beside each proactive suggestion while an election period is in force. */
  proactiveMark?: ReactNode;
};

/** The conversations, a page at a time, with selection, bulk actions and keyboard shortcuts. */
export const InboxResults = ({ params, myId, canAct, departmentName, proactiveMark }: InboxResultsProps) => {
  const { t } = useTranslation();
  const conversations = useConversations(params);
  const department = params.department ?? '';
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState<number | null>(null);
  const [declining, setDeclining] = useState<string[] | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [outcome, setOutcome] = useState<(BulkOutcome & { action: string; key: number }) | null>(null);
  const items: ConversationItem[] = conversations.data?.pages.flatMap((page) => page.items) ?? [];
  const change = useChangeOpportunities({
    onSuccess: (result, request) => {
      setOutcome({ ...bulkOutcome(result, items, department), action: request.action, key: Date.now() });
      setSelected(new Set());
      setDeclining(null);
    },
  });

  const act = (
    ids: string[],
    action: 'assign' | 'decline',
    decline?: { reason: DeclineReason; note?: string },
  ) => {
    const chosen = bulkItems(items, new Set(ids), department);
    if (chosen.length === 0) return;
    change.mutate(
      action === 'assign'
        ? { department, action, items: chosen, assigneeId: 'me' }
        : { department, action, items: chosen, reason: decline?.reason, note: decline?.note },
    );
  };
  const select = (id: string, on: boolean) =>
    setSelected((now) => {
      const next = new Set(now);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const focusCard = (index: number) => {
    const item = items[index];
    if (!item) return;
    setCurrent(index);
    document.getElementById(`conversation-${item.id}-title`)?.querySelector('a')?.focus();
  };
  const currentItem = current === null ? undefined : items[current];
  const actionable = (item: ConversationItem | undefined): item is ConversationItem =>
    canAct && !!item && isOpen(item, department);

  const onShortcut = (action: ShortcutAction) => {
    if (action === 'help') setHelpOpen(true);
    else if (action === 'next') focusCard(current === null ? 0 : Math.min(current + 1, items.length - 1));
    else if (action === 'previous') focusCard(current === null ? 0 : Math.max(current - 1, 0));
    else if (action === 'select' && actionable(currentItem))
      select(currentItem.id, !selected.has(currentItem.id));
    else if (action === 'assign-to-me' && actionable(currentItem)) act([currentItem.id], 'assign');
    else if (action === 'decline' && actionable(currentItem)) setDeclining([currentItem.id]);
  };
  useInboxShortcuts(!helpOpen && declining === null && !change.isPending, onShortcut);

  if (conversations.isPending) return <Loading label={t('inbox.loading')} />;
  if (conversations.isLoadingError) {
    return (
      <ErrorPanel
        title={t('inbox.loadFailed')}
        error={conversations.error}
        onRetry={() => void conversations.refetch()}
      />
    );
  }
  if (items.length === 0)
    return <NoConversations departmentName={departmentName} filtered={hasFilters(params)} />;

  const routes = countByRoute(items, params.department);
  const now = new Date();
  const open = items.filter((item) => isOpen(item, department));
  return (
    <>
      {outcome && <BulkOutcomeBanner outcome={outcome} />}
      {change.isError && <ErrorPanel title={t('inbox.changeFailed')} error={change.error} />}
      <p className="results-count" role="status" aria-live="polite">
        {t('inbox.showing', { count: items.length })}
        {conversations.hasNextPage ? t('inbox.moreAvailable') : ''}
      </p>
      <p className="secondary-text">
        <Button variant="link" onClick={() => setHelpOpen(true)}>
          {t('inbox.shortcuts')}
        </Button>{' '}
        {t('inbox.shortcutsKey')}
      </p>
      {canAct && (
        <BulkActions
          selected={selected.size}
          shown={open.length}
          busy={change.isPending}
          onSelectAll={() => setSelected(new Set(open.map((i) => i.id)))}
          onClear={() => setSelected(new Set())}
          onAssignToMe={() => act([...selected], 'assign')}
          onDecline={() => setDeclining([...selected])}
        />
      )}
      <div className="inbox-layout">
        <div className="inbox-layout__list">
          <ConversationList
            items={items}
            department={params.department}
            now={now}
            proactiveMark={proactiveMark}
            myId={myId}
            current={current}
            selected={canAct ? selected : undefined}
            onSelect={select}
            canSelect={(item) => isOpen(item, department)}
          />
          {conversations.isFetchNextPageError && (
            <ErrorPanel title={t('inbox.loadMoreFailed')} error={conversations.error} />
          )}
          {conversations.hasNextPage && (
            <Button
              variant="secondary"
              onClick={() => void conversations.fetchNextPage()}
              disabled={conversations.isFetchingNextPage}
            >
              {conversations.isFetchingNextPage ? t('inbox.loadingMore') : t('inbox.loadMore')}
            </Button>
          )}
        </div>
        <aside className="inbox-layout__aside" aria-label={t('inbox.routesAside')}>
          <BarChart
            data={routes}
            index="Route"
            categories={['Conversations']}
            title={t('inbox.routesChart')}
            summary={summariseRoutes(routes)}
          />
        </aside>
      </div>
      <DeclineDialog
        key={declining?.join(',') ?? 'closed'}
        open={declining !== null}
        count={declining?.length ?? 0}
        busy={change.isPending}
        onConfirm={(decline) => declining && act(declining, 'decline', decline)}
        onCancel={() => setDeclining(null)}
      />
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} canAct={canAct} />
    </>
  );
};

const NoConversations = ({ departmentName, filtered }: { departmentName: string; filtered: boolean }) => {
  const { t } = useTranslation();
  return filtered ? (
    <EmptyState title={t('inbox.noMatchTitle')}>
      <p>{t('inbox.noMatchBody', { department: departmentName })}</p>
    </EmptyState>
  ) : (
    <EmptyState title={t('inbox.noneYetTitle')}>
      <p>{t('inbox.noneYetBody', { department: departmentName })}</p>
      <p>
        {t('inbox.noneYetCheckBefore')}
        <Link to="/sources" className="link">
          {t('inbox.noneYetSourcesLink')}
        </Link>
        {t('inbox.noneYetCheckAfter')}
      </p>
    </EmptyState>
  );
};
