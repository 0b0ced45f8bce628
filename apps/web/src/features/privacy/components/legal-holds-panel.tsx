import { useState } from 'react';
import type { LegalHold } from '@parley/contracts';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { DateTime } from '../../../components/ui/date-time';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { TextField } from '../../../components/ui/text-field';
import { isApiError } from '../../../lib/api-client';
import { useLegalHolds, useReleaseLegalHold } from '../api/legal-holds';

const whatIsHeld = (hold: LegalHold) =>
  hold.department ? `Department ${hold.department}` : `Conversation ${hold.conversationId}`;

/** The legal holds, in force first; a hold in force can be released with a reason. */
export const LegalHoldsPanel = () => {
  const holds = useLegalHolds();
  const release = useReleaseLegalHold();
  const [releasing, setReleasing] = useState<LegalHold | null>(null);
  const [reason, setReason] = useState('');
  if (holds.error)
    return (
      <ErrorPanel
        title="The legal holds could not be loaded"
        error={holds.error}
        onRetry={() => void holds.refetch()}
      />
    );
  if (!holds.data) return <p>Loading legal holds…</p>;
  if (holds.data.length === 0)
    return (
      <p>
        No legal holds. A manager places one on a conversation or a department for an FOI or litigation case.
      </p>
    );
  const problem = isApiError(release.error)
    ? (release.error.problems[0]?.message ?? release.error.message)
    : undefined;
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">Legal holds, those in force first</caption>
        <thead>
          <tr>
            <th scope="col">What is held</th>
            <th scope="col">Why</th>
            <th scope="col">Placed</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {holds.data.map((hold) => (
            <tr key={hold.id}>
              <td>{whatIsHeld(hold)}</td>
              <td>{hold.reason}</td>
              <td>
                {hold.placedBy ?? 'Someone no longer here'},{' '}
                <DateTime value={hold.placedAt} variant="compact" />
              </td>
              <td>
                {hold.releasedAt ? (
                  <>
                    Released <DateTime value={hold.releasedAt} variant="compact" />: {hold.releaseReason}
                  </>
                ) : (
                  <Button variant="secondary" onClick={() => setReleasing(hold)}>
                    Release<span className="visually-hidden"> the hold on {whatIsHeld(hold)}</span>…
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={releasing !== null}
        title="Release this legal hold?"
        confirmLabel="Release"
        busy={release.isPending}
        onCancel={() => setReleasing(null)}
        onConfirm={() =>
          releasing &&
          release.mutate(
            { id: releasing.id, reason },
            {
              onSuccess: () => {
                setReleasing(null);
                setReason('');
              },
            },
          )
        }
      >
        <p>Retention applies again to what it held from its next run.</p>
        <TextField
          id="release-reason"
          label="Why it can be released"
          hint="For example: the FOI request was answered. Recorded in the audit log."
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={problem}
        />
      </ConfirmDialog>
    </>
  );
};
