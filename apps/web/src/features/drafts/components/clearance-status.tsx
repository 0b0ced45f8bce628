import type { Draft } from '@parley/contracts';
import { DateTime } from '../../../components/ui/date-time';
import { rolesInWords } from '../utils/finding-labels';

type ClearanceStatusProps = { draft: Draft };

const DECISIONS = { approve: 'approved', 'request-changes': 'asked for changes' } as const;

/** Whether the draft needs clearance and why, and where its clearance has got to. */
export const ClearanceStatus = ({ draft }: ClearanceStatusProps) => {
  const { clearance, submission } = draft;
  return (
    <div className="draft-clearance" aria-live="polite">
      {clearance.needed ? (
        <>
          <p>
            <strong>This draft needs clearance before it is posted:</strong>
          </p>
          <ul className="draft-clearance__reasons">
            {clearance.reasons.map((r) => (
              <li key={r.reason}>{r.text}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          This draft does not need clearance as it stands. You can still submit it if you would like a policy
          official and a comms officer to check it.
        </p>
      )}
      {submission && (
        <>
          <p>
            Version {submission.version} was submitted by {submission.submittedBy?.name ?? 'someone'}{' '}
            <DateTime value={submission.submittedAt} />. <SubmissionOutcome submission={submission} />
          </p>
          {submission.reviews.length > 0 && (
            <ul className="draft-clearance__reviews">
              {submission.reviews.map((review) => (
                <li key={`${review.reviewer?.id ?? ''}-${review.at}`}>
                  {review.reviewer?.name ?? 'Someone'} ({review.role}) {DECISIONS[review.decision]}{' '}
                  <DateTime value={review.at} />
                  {review.comment && <>: “{review.comment}”</>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
};

const SubmissionOutcome = ({ submission }: { submission: NonNullable<Draft['submission']> }) => {
  switch (submission.outcome) {
    case 'waiting':
      return <>Waiting for {rolesInWords(submission.missing)} to approve it.</>;
    case 'approved':
      return (
        <strong>
          Approved <DateTime value={submission.closedAt} />: it can be posted.
        </strong>
      );
    case 'changes-requested':
      return <strong>Changes were requested: change the draft, save it and submit it again.</strong>;
    case 'superseded':
      return <>A later version has been saved since, so it needs clearance again.</>;
  }
};
