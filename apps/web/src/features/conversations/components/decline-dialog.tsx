import { useState } from 'react';
import { DECLINE_REASONS, DECLINE_REASON_LABELS, type DeclineReason } from '@parley/domain';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextareaField } from '../../../components/ui/textarea-field';

type DeclineDialogProps = {
  open: boolean;
  /** How many conversations it declines, for the question. */
  count: number;
  busy: boolean;
  onConfirm: (decline: { reason: DeclineReason; note?: string }) => void;
  onCancel: () => void;
};

/** Declining asks why: a reason from the list (the evaluation counts them), and a note, needed for "other". */
export const DeclineDialog = ({ open, count, busy, onConfirm, onCancel }: DeclineDialogProps) => {
  const [reason, setReason] = useState<DeclineReason | ''>('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ text: string; href: string }[]>([]);

  const confirm = () => {
    const found = [
      ...(reason ? [] : [{ text: 'Choose why you are declining', href: '#decline-reason-first' }]),
      ...(reason === 'other' && !note.trim()
        ? [{ text: 'Say why in the note when the reason is “other”', href: '#decline-note' }]
        : []),
    ];
    setProblems(found);
    if (found.length === 0 && reason) onConfirm({ reason, note: note.trim() || undefined });
  };
  const noteError = problems.find((p) => p.href === '#decline-note')?.text;
  const reasonError = problems.find((p) => p.href === '#decline-reason-first')?.text;

  return (
    <ConfirmDialog
      open={open}
      title={count === 1 ? 'Decline this conversation' : `Decline ${count} conversations`}
      confirmLabel="Decline"
      onConfirm={confirm}
      onCancel={onCancel}
      busy={busy}
      destructive
    >
      <ErrorSummary items={problems} />
      <fieldset className={`fieldset form-group${reasonError ? ' form-group--error' : ''}`}>
        <legend className="label">Why are you declining?</legend>
        {reasonError && (
          <p className="error-message">
            <span className="visually-hidden">Error: </span>
            {reasonError}
          </p>
        )}
        {DECLINE_REASONS.map((r, index) => (
          <div key={r} className="checkbox checkbox--small">
            <input
              id={index === 0 ? 'decline-reason-first' : `decline-reason-${r}`}
              type="radio"
              name="decline-reason"
              className="checkbox__input"
              checked={reason === r}
              onChange={() => setReason(r)}
            />
            <label
              className="checkbox__label"
              htmlFor={index === 0 ? 'decline-reason-first' : `decline-reason-${r}`}
            >
              {DECLINE_REASON_LABELS[r]}
            </label>
          </div>
        ))}
      </fieldset>
      <TextareaField
        id="decline-note"
        label="Note (optional unless the reason is “other”)"
        value={note}
        rows={3}
        maxLength={5000}
        error={noteError}
        onChange={(e) => setNote(e.target.value)}
      />
    </ConfirmDialog>
  );
};
