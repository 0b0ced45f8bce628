import { useState, type FormEvent } from 'react';
import type { Draft } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextareaField } from '../../../components/ui/textarea-field';
import { formFailure, noFailure, type FormFailure } from '../../../lib/form-failure';
import { useReviewDraft } from '../api/review-draft';

type ReviewFormProps = { draft: Draft; idPrefix: string };
const FIELDS = ['comment'] as const;

/** Approve the submitted version, or ask for changes saying what. The api refuses an author, with why. */
export const ReviewForm = ({ draft, idPrefix }: ReviewFormProps) => {
  const [comment, setComment] = useState('');
  const [failure, setFailure] = useState<FormFailure<(typeof FIELDS)[number]>>(noFailure());
  const review = useReviewDraft();
  const commentId = `${idPrefix}-comment`;

  const send = (decision: 'approve' | 'request-changes') => (event?: FormEvent) => {
    event?.preventDefault();
    if (decision === 'request-changes' && !comment.trim()) {
      setFailure({ fields: { comment: 'Say what needs to change' }, other: [] });
      return;
    }
    setFailure(noFailure());
    review.mutate(
      {
        opportunityId: draft.opportunityId,
        review: { expectedVersion: draft.version, decision, comment: comment.trim() },
      },
      { onSuccess: () => setComment(''), onError: (error) => setFailure(formFailure(error, FIELDS)) },
    );
  };

  const summary = [
    ...(failure.fields.comment ? [{ text: failure.fields.comment, href: `#${commentId}` }] : []),
    ...failure.other.map((text) => ({ text })),
  ];
  return (
    <form className="draft-review" onSubmit={send('approve')} noValidate aria-label="Review this draft">
      <ErrorSummary items={summary} />
      <TextareaField
        id={commentId}
        label="Comment"
        hint="Needed when you ask for changes: say what to change and why."
        rows={3}
        value={comment}
        error={failure.fields.comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <div className="button-group">
        <Button type="submit" disabled={review.isPending}>
          Approve version {draft.version}
        </Button>
        <Button variant="secondary" disabled={review.isPending} onClick={() => send('request-changes')()}>
          Request changes
        </Button>
      </div>
    </form>
  );
};
