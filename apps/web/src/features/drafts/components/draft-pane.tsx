import type { Draft, DraftFinding } from '@parley/contracts';
import type { Route } from '@parley/domain';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { Loading } from '../../../components/ui/loading';
import { useDraft } from '../api/get-draft';
import { useOverrideFinding } from '../api/override-finding';
import { useSubmitDraft } from '../api/submit-draft';
import { ClearanceStatus } from './clearance-status';
import { DraftEditor } from './draft-editor';
import { ReviewForm } from './review-form';
import { RouteExplanation } from './route-explanation';
import { VersionHistory } from './version-history';
import './drafts.css';

export type DraftViewer = {
  id: string;
  /** Their role in the department (null: a workspace administrator who is no member). */
  role: string | null;
  /** May they write and submit drafts (conversation.act)? */
  canDraft: boolean;
};

type DraftPaneProps = {
  opportunityId: string;
  department: string;
  route: Route;
  routeReason: string;
  resources: readonly { title: string; url: string }[];
  viewer: DraftViewer;
};

/** The draft reply beside the thread: the route explained, the editor with its checks, clearance and history. */
export const DraftPane = ({ opportunityId, route, routeReason, ...rest }: DraftPaneProps) => {
  const draft = useDraft(opportunityId);
  return (
    <section className="draft-pane" aria-labelledby="draft-heading">
      <h2 id="draft-heading" className="heading-m">
        Draft a reply
      </h2>
      <RouteExplanation route={route} routeReason={routeReason} />
      {draft.isPending ? (
        <Loading label="Loading the draft" />
      ) : draft.isError ? (
        <ErrorPanel
          title="The draft could not be loaded"
          error={draft.error}
          onRetry={() => void draft.refetch()}
        />
      ) : (
        <DraftBody draft={draft.data} {...rest} />
      )}
    </section>
  );
};

type DraftBodyProps = Omit<DraftPaneProps, 'opportunityId' | 'route' | 'routeReason'> & { draft: Draft };

const REVIEWER_ROLES = ['policy', 'comms', 'manager'];

const DraftBody = ({ draft, department, resources, viewer }: DraftBodyProps) => {
  const submit = useSubmitDraft();
  const override = useOverrideFinding();
  const isAuthor = draft.authors.some((a) => a.id === viewer.id);
  const inClearance = draft.status === 'in-clearance';
  const mayReview = REVIEWER_ROLES.includes(viewer.role ?? '') && inClearance;
  const onOverride = (finding: DraftFinding, reason: string) =>
    override.mutate({
      opportunityId: draft.opportunityId,
      override: {
        expectedVersion: draft.version,
        kind: finding.kind,
        start: finding.start,
        end: finding.end,
        reason,
      },
    });
  return (
    <>
      <ClearanceStatus draft={draft} />
      {viewer.canDraft ? (
        <DraftEditor
          draft={draft}
          department={department}
          resources={resources}
          onOverride={onOverride}
          overriding={override.isPending}
          overrideError={override.error}
          onSubmit={() =>
            submit.mutate({ opportunityId: draft.opportunityId, submit: { expectedVersion: draft.version } })
          }
          submitting={submit.isPending}
          submitError={submit.error}
        />
      ) : draft.latest ? (
        <div className="draft-highlighted">{draft.latest.text}</div>
      ) : (
        <p className="secondary-text">Nobody has started a draft yet.</p>
      )}
      {mayReview &&
        (isAuthor ? (
          <p className="inset-text">
            You wrote this draft, so you cannot approve it: a policy official and a comms officer who did not
            write it need to.
          </p>
        ) : (
          <>
            <h3 className="draft-pane__subheading">Your review</h3>
            <ReviewForm draft={draft} idPrefix="pane-review" />
          </>
        ))}
      {draft.version > 0 && (
        <details className="details">
          <summary className="details__summary">Version history</summary>
          <VersionHistory opportunityId={draft.opportunityId} />
        </details>
      )}
    </>
  );
};
