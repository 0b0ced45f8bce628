import { AuditRepository, type Queryable } from '@parley/db';
import { CHAIN_START, checkChainEnd, checkChainLinks, type ChainBreak, type ChainLink } from '@parley/domain';

const BATCH = 5_000;

export type ChainVerdict =
  | { holds: true; checked: number; headHash: string | null }
  | { holds: false; checked: number; broken: ChainBreak };

/** An event's place and hash as an earlier `audit verify` printed them, to hold the chain up to it to account. */
export type ChainAnchor = { seq: number; hash: string };

const ANCHOR = /^(\d{1,15}):([0-9a-f]{64})$/i;

export const parseAnchor = (text: string): ChainAnchor => {
  const match = ANCHOR.exec(text);
  if (!match) throw new Error(`--since takes the "N:HASH" an earlier audit verify printed, not "${text}"`);
  return { seq: Number(match[1]), hash: match[2].toLowerCase() };
};

/**
 * The whole audit chain walked a batch at a time (memory stays flat however long the log is). With `since`, the
 * event at that place must still have that hash: someone able to rewrite the table could recompute every hash
 * after an edit, but not the one recorded outside Parley.
 */
export const verifyAuditChain = async (
  q: Queryable,
  { batch = BATCH, since = null }: { batch?: number; since?: ChainAnchor | null } = {},
): Promise<ChainVerdict> => {
  const audit = new AuditRepository();
  const head = await audit.chainHead(q);
  let position = CHAIN_START;
  let last: ChainLink | null = null;
  for (;;) {
    const links = await audit.chainLinks(q, position.seq, batch);
    const result = checkChainLinks(position, links);
    if (result.broken) return { holds: false, checked: result.position.checked, broken: result.broken };
    const anchored = since ? links.find((l) => l.seq === since.seq) : undefined;
    if (anchored && since && anchored.hash !== since.hash) {
      return {
        holds: false,
        checked: since.seq - 1,
        broken: {
          event: { id: anchored.id, seq: anchored.seq, at: anchored.at, action: anchored.action },
          reason: `its hash is not ${since.hash}, the one recorded for it earlier, so the chain up to it was rewritten`,
        },
      };
    }
    position = result.position;
    last = links.at(-1) ?? last;
    if (links.length < batch) break;
  }
  const end = checkChainEnd(position, since && since.seq > head.seq ? since : head, last);
  return end
    ? { holds: false, checked: position.checked, broken: end }
    : { holds: true, checked: position.checked, headHash: position.hash };
};

/** What `parley audit verify` prints: one line a person can act on, or paste into the records office's log. */
export const describeVerdict = (verdict: ChainVerdict): string => {
  if (verdict.holds) {
    const anchor = verdict.headHash
      ? ` To check it later: parley audit verify --since ${verdict.checked}:${verdict.headHash}`
      : '';
    return `The audit chain holds: ${verdict.checked} event${verdict.checked === 1 ? '' : 's'} checked, head hash ${verdict.headHash ?? '(empty log)'}.${anchor}`;
  }
  const { event, reason } = verdict.broken;
  return (
    `The audit chain is broken at event ${event.id} (${event.at.toISOString()}, ${event.action}): ${reason}. ` +
    `${verdict.checked} event${verdict.checked === 1 ? '' : 's'} before it held.`
  );
};

/** `parley audit verify [--since N:HASH]`: exits non-zero when the chain does not hold. */
export const auditCommand = async (
  args: string[],
  usage: string,
  withDb: (work: (q: Queryable) => Promise<void>) => Promise<void>,
): Promise<void> => {
  const [action, flag, anchor, ...extra] = args;
  if (action !== 'verify' || (flag !== undefined && (flag !== '--since' || !anchor)) || extra.length)
    throw new Error(usage);
  const since = anchor ? parseAnchor(anchor) : null;
  await withDb(async (q) => {
    const verdict = await verifyAuditChain(q, { since });
    if (verdict.holds) console.log(describeVerdict(verdict));
    else {
      console.error(describeVerdict(verdict));
      process.exitCode = 1;
    }
  });
};
