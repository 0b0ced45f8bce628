/**
 * The audit log's hash chain, checked. Each event holds its place in the chain (`seq`, from 1 with no gaps), the hash
 * of the event before it and its own hash; the database also recomputes each event's hash from its content
 * (`computed`), so a changed event, a removed one and a reordered one each break a link.
 */
export type ChainLink = {
  seq: number;
  id: string;
  at: Date;
  action: string;
  prevHash: string | null;
  hash: string;
  computed: string;
};

/** How far the walk has come: the last event that held, and how many have been checked. */
export type ChainPosition = { checked: number; seq: number; hash: string | null };

export type ChainBreak = {
  event: { id: string; seq: number; at: Date; action: string };
  reason: string;
};

export const CHAIN_START: ChainPosition = { checked: 0, seq: 0, hash: null };

/** The next links checked against the position reached: the first that fails is the break, `position` the last that held. */
export const checkChainLinks = (
  from: ChainPosition,
  links: readonly ChainLink[],
): { position: ChainPosition; broken: ChainBreak | null } => {
  let position = from;
  for (const link of links) {
    const reason = linkProblem(position, link);
    if (reason) {
      const event = { id: link.id, seq: link.seq, at: link.at, action: link.action };
      return { position, broken: { event, reason } };
    }
    position = { checked: position.checked + 1, seq: link.seq, hash: link.hash };
  }
  return { position, broken: null };
};

const linkProblem = (position: ChainPosition, link: ChainLink): string | null => {
  if (link.seq !== position.seq + 1) {
    const missing = link.seq - position.seq - 1;
    return missing > 0
      ? `${missing === 1 ? 'the event' : `${missing} events`} before it in the chain ${missing === 1 ? 'is' : 'are'} missing (deleted)`
      : 'it is out of place in the chain';
  }
  if (link.prevHash !== position.hash)
    return 'the hash it holds of the event before it does not match that event (an event before it was removed or replaced)';
  if (link.computed !== link.hash)
    return 'its content no longer matches its hash (it was changed after it was written)';
  return null;
};

/**
 * The end of the walk against the chain's head (the last event the database chained): events missing from the end
 * leave the walk short of it. `last` is the last event checked, named when the break is after it.
 */
export const checkChainEnd = (
  position: ChainPosition,
  head: { seq: number; hash: string | null },
  last: ChainLink | null,
): ChainBreak | null => {
  if (head.seq === position.seq && head.hash === position.hash) return null;
  const missing = head.seq - position.seq;
  return {
    event: last
      ? { id: last.id, seq: last.seq, at: last.at, action: last.action }
      : { id: '(none)', seq: 0, at: new Date(0), action: '(start of the log)' },
    reason:
      missing > 0
        ? `${missing} event${missing === 1 ? '' : 's'} after it ${missing === 1 ? 'is' : 'are'} missing (the chain's head is event ${head.seq} of the chain)`
        : `the chain's head (event ${head.seq} of the chain) does not match the last event`,
  };
};
