import { Button } from '../../../components/ui/button';

type BulkActionsProps = {
  selected: number;
  shown: number;
  busy: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onAssignToMe: () => void;
  onDecline: () => void;
};

/** What can be done to the selected conversations at once; the count is announced as it changes. */
export const BulkActions = ({
  selected,
  shown,
  busy,
  onSelectAll,
  onClear,
  onAssignToMe,
  onDecline,
}: BulkActionsProps) => (
  <section className="bulk-actions" aria-label="Act on selected conversations">
    <p className="bulk-actions__count" role="status" aria-live="polite">
      {selected === 0
        ? 'No conversations selected'
        : `${selected} ${selected === 1 ? 'conversation' : 'conversations'} selected`}
    </p>
    <div className="button-group">
      <Button variant="secondary" onClick={onAssignToMe} disabled={busy || selected === 0}>
        Assign to me
      </Button>
      <Button variant="secondary" onClick={onDecline} disabled={busy || selected === 0}>
        Decline…
      </Button>
      {selected < shown ? (
        <Button variant="link" onClick={onSelectAll} disabled={busy}>
          Select all {shown} shown
        </Button>
      ) : null}
      {selected > 0 && (
        <Button variant="link" onClick={onClear} disabled={busy}>
          Clear selection
        </Button>
      )}
    </div>
  </section>
);
