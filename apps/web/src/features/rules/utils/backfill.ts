import type { Backfill } from '@parley/contracts';
import { formatCount } from '../../../lib/format';

/** BullMQ's end states; anything else (waiting, active, delayed, prioritized…) is still to come. */
export const isBackfillFinished = (backfill: Pick<Backfill, 'state'> | undefined): boolean =>
  backfill?.state === 'completed' || backfill?.state === 'failed';

export type BackfillView = {
  /** For the live region: changes only when the stage does, so a screen reader is not told every second. */
  stage: string;
  /** The visible text equivalent of the progress bar. */
  detail: string;
  /** null while the total is not known: the bar is then indeterminate. */
  value: number | null;
  max: number;
};

const counted = (done: number, total: number) => `${formatCount(done)} of ${formatCount(total)}`;

export const describeBackfill = (backfill: Backfill): BackfillView => {
  const { state, done, total } = backfill;
  const max = Math.max(total, 1);
  if (state === 'completed') {
    return {
      stage: 'Re-tagging finished',
      detail: `Re-tagging finished: ${formatCount(total)} recent ${total === 1 ? 'conversation' : 'conversations'} checked`,
      value: max,
      max,
    };
  }
  if (state === 'failed') {
    const why = backfill.failedReason ? `: ${backfill.failedReason}` : '';
    return {
      stage: 'Re-tagging failed',
      detail: `Re-tagging stopped after ${counted(done, total)}${why}. The rule is saved and will tag new posts.`,
      value: total > 0 ? Math.min(done, total) : null,
      max,
    };
  }
  if (state === 'active' && total > 0) {
    return {
      stage: 'Re-tagging recent conversations',
      detail: `Re-tagging recent conversations: ${counted(Math.min(done, total), total)}`,
      value: Math.min(done, total),
      max: total,
    };
  }
  if (state === 'active') {
    return {
      stage: 'Re-tagging recent conversations',
      detail: 'Re-tagging recent conversations: counting them',
      value: null,
      max,
    };
  }
  if (state === 'pending') {
    // Parley's queue server was not answering when the rule was saved; the saved rule re-tags once it is back.
    return {
      stage: 'Re-tagging will start shortly',
      detail:
        'Re-tagging recent conversations: waiting for Parley’s job queue, which is not answering. It starts by itself once the queue is back; the rule is saved.',
      value: null,
      max,
    };
  }
  return {
    stage: 'Re-tagging is queued',
    detail: 'Re-tagging recent conversations: waiting to start',
    value: null,
    max,
  };
};
