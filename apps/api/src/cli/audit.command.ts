import { AuditRepository, type Queryable } from '@parley/db';
import { CHAIN_START, checkChainEnd, checkChainLinks, type ChainBreak, type ChainLink } from '@parley/domain';

const BATCH = 5_000;

export type ChainVerdict =
  | { holds: true; checked: number; headHash: string | null }
  | { holds: false; checked: number; broken: ChainBreak };

/** The whole audit chain walked a batch at a time (memory stays flat however long the log is). */
export const verifyAuditChain = async (q: Queryable, batch = BATCH): Promise<ChainVerdict> => {
  const audit = new AuditRepository();
  const head = await audit.chainHead(q);
  let position = CHAIN_START;
  let last: ChainLink | null = null;
  for (;;) {
    const links = await audit.chainLinks(q, position.seq, batch);
    const result = checkChainLinks(position, links);
    if (result.broken) return { holds: false, checked: result.position.checked, broken: result.broken };
    position = result.position;
    last = links.at(-1) ?? last;
    if (links.length < batch) break;
  }
  const end = checkChainEnd(position, head, last);
  return end
    ? { holds: false, checked: position.checked, broken: end }
    : { holds: true, checked: position.checked, headHash: position.hash };
};

/** What `parley audit verify` prints: one line a person can act on, or paste into the records office's log. */
export const describeVerdict = (verdict: ChainVerdict): string => {
  if (verdict.holds) {
    return `The audit chain holds: ${verdict.checked} event${verdict.checked === 1 ? '' : 's'} checked, head hash ${verdict.headHash ?? '(empty log)'}.`;
  }
  const { event, reason } = verdict.broken;
  return (
    `The audit chain is broken at event ${event.id} (${event.at.toISOString()}, ${event.action}): ${reason}. ` +
    `${verdict.checked} event${verdict.checked === 1 ? '' : 's'} before it held.`
  );
};

/** `parley audit verify`: exits non-zero when the chain does not hold. */
export const auditCommand = async (
  args: string[],
  usage: string,
  withDb: (work: (q: Queryable) => Promise<void>) => Promise<void>,
): Promise<void> => {
  if (args[0] !== 'verify' || args.length > 1) throw new Error(usage);
  await withDb(async (q) => {
    const verdict = await verifyAuditChain(q);
    if (verdict.holds) console.log(describeVerdict(verdict));
    else {
      console.error(describeVerdict(verdict));
      process.exitCode = 1;
    }
  });
};
