import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackLink } from '../../components/ui/back-link';
import { ErrorPanel } from '../../components/ui/error-panel';
import { Loading } from '../../components/ui/loading';
import { useSignedInUser } from '../../features/auth/api/get-me';
import { departmentNamer } from '../../features/auth/utils/department-names';
import { useConversation } from '../../features/conversations/api/get-conversation';
import { AuthorViewWarnings } from '../../features/conversations/components/author-view-warnings';
import { ConversationSummary } from '../../features/conversations/components/conversation-summary';
import { EngagementSummary } from '../../features/conversations/components/engagement-summary';
import { TagDetails } from '../../features/conversations/components/tag-details';
import { HighlightedText } from '../../features/conversations/components/highlighted-text';
import { Thread } from '../../features/conversations/components/thread';
import { EngagementPanel } from '../../features/engagements/components/engagement-panel';
import { hasTerms, matchTermsOf, mergeTerms } from '../../features/conversations/utils/highlight';
import { DraftPane } from '../../features/drafts/components/draft-pane';
import { BundleDownload } from '../../features/governance/components/bundle-download';
import { OpportunityPanel } from '../../features/opportunities/components/opportunity-panel';
import { isApiError } from '../../lib/api-client';

export const ConversationRoute = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSignedInUser();
  const conversation = useConversation(id);
  const departmentName = departmentNamer(me.departments);

  if (conversation.isPending) {
    return (
      <>
        <BackLink to="/inbox">{t('common.backToInbox')}</BackLink>
        <Loading label={t('conversation.loading')} />
      </>
    );
  }
  if (conversation.isError) {
    const missing =
      isApiError(conversation.error) &&
      (conversation.error.status === 404 || conversation.error.status === 403);
    return (
      <>
        <title>
          {t('common.pageTitle', {
            page: missing ? t('conversation.notFound') : t('conversation.problemTitle'),
          })}
        </title>
        <BackLink to="/inbox">{t('common.backToInbox')}</BackLink>
        {missing ? (
          <>
            <h1 className="heading-l">{t('conversation.notFound')}</h1>
            <p>{t('conversation.notFoundBody')}</p>
          </>
        ) : (
          <ErrorPanel
            title={t('conversation.loadFailed')}
            error={conversation.error}
            onRetry={() => void conversation.refetch()}
          />
        )}
      </>
    );
  }

  const detail = conversation.data;
  const title = detail.title || t('common.untitledConversation');
  const firstTag = detail.tags.find((tag) => me.departments.some((d) => d.key === tag.department));
  const back = firstTag ? `/inbox?department=${encodeURIComponent(firstTag.department)}` : '/inbox';
  const now = new Date();
  const terms = mergeTerms(detail.tags.map((tag) => matchTermsOf(tag.signals)));
  // Each department the user belongs to works on its own tag of the conversation.
  const workedOn = detail.tags.flatMap((tag) => {
    const department = me.departments.find((d) => d.key === tag.department);
    return department ? [{ tag, department }] : [];
  });
  // The draft pane beside the thread is for the first of them (the one the inbox link came from, usually).
  const drafting = workedOn.at(0);
  return (
    <>
      <title>{t('common.pageTitle', { page: title })}</title>
      <BackLink to={back}>{t('common.backToInbox')}</BackLink>
      <span className="caption">{t('conversation.caption')}</span>
      <h1 className="heading-l">
        <HighlightedText text={title} terms={terms} />
      </h1>
      <ConversationSummary conversation={detail} now={now} />
      {/* Before anything quotes the posts: the tag's evidence below may too. */}
      <AuthorViewWarnings conversationId={detail.id} notices={detail.authorViews} />

      <h2 className="heading-m">{t('conversation.whyTagged')}</h2>
      <TagDetails tags={detail.tags} departmentName={departmentName} />

      {workedOn.length > 0 && (
        <>
          <h2 className="heading-m">{t('conversation.workOnIt')}</h2>
          {workedOn.map(({ tag, department }) => (
            <Fragment key={tag.opportunityId}>
              <OpportunityPanel
                opportunityId={tag.opportunityId}
                departmentName={department.name}
                canAct={department.permissions.includes('conversation.act')}
                meId={me.id}
                now={now}
              />
              <EngagementPanel
                opportunityId={tag.opportunityId}
                canAct={department.permissions.includes('conversation.act')}
              />
            </Fragment>
          ))}
        </>
      )}

      <h2 className="heading-m">{t('conversation.engagement')}</h2>
      <EngagementSummary engagement={detail.engagement} departmentName={departmentName} now={now} />

      <div className="draft-beside">
        <div>
          <h2 className="heading-m">{t('conversation.thread')}</h2>
          {hasTerms(terms) && <p className="secondary-text">{t('conversation.highlighted')}</p>}
          <Thread posts={detail.posts} departmentName={departmentName} now={now} terms={terms} />
        </div>
        {drafting && (
          <DraftPane
            opportunityId={drafting.tag.opportunityId}
            department={drafting.tag.department}
            route={drafting.tag.route}
            routeReason={drafting.tag.routeReason}
            resources={drafting.tag.resources}
            viewer={{
              id: me.id,
              role: drafting.department.role,
              canDraft: drafting.department.permissions.includes('conversation.act'),
            }}
          />
        )}
      </div>

      <BundleDownload
        conversationId={detail.id}
        departments={detail.tags
          .filter((tag) => me.departments.some((d) => d.key === tag.department))
          .map((tag) => ({ key: tag.department, name: departmentName(tag.department) }))}
      />
    </>
  );
};
