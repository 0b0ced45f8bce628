import { useBackfill } from '../api/get-backfill';
import { describeBackfill } from '../utils/backfill';

/**
 * The re-tagging that follows a save. The bar and its text update every second; only the stage (queued,
 * running, finished, failed) is in the live region, so a screen reader is not read a number every second.
 */
export const BackfillProgress = ({ id }: { id: string }) => {
  const backfill = useBackfill(id);
  if (backfill.isPending)
    return <p className="secondary-text">Checking on the re-tagging of recent conversations…</p>;
  if (backfill.isError) {
    return (
      <p className="secondary-text">
        Re-tagging progress is not available any more. The rule is saved, and recent conversations are
        re-tagged in the background.
      </p>
    );
  }
  const view = describeBackfill(backfill.data);
  const failed = backfill.data.state === 'failed';
  return (
    <div className={`backfill${failed ? ' backfill--failed' : ''}`}>
      <p id="backfill-text" className="backfill__text">
        {view.detail}
      </p>
      <progress
        className="backfill__bar"
        aria-labelledby="backfill-text"
        max={view.max}
        value={view.value ?? undefined}
      >
        {view.detail}
      </progress>
      <p className="visually-hidden" role="status" aria-live="polite">
        {view.stage}
      </p>
    </div>
  );
};
