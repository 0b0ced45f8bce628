import { describe, expect, it } from 'vitest';
import { CHAIN_START, checkChainEnd, checkChainLinks, type ChainLink } from './audit-chain';

const at = new Date('2026-12-01T10:00:00Z');
const link = (seq: number, prevHash: string | null, hash: string, computed = hash): ChainLink => ({
  seq,
  id: String(100 + seq),
  at,
  action: `action.${seq}`,
  prevHash,
  hash,
  computed,
});
const chain = [link(1, null, 'a'), link(2, 'a', 'b'), link(3, 'b', 'c')];

describe('checkChainLinks', () => {
  it('walks a chain that holds, and goes on from where a batch ended', () => {
    const first = checkChainLinks(CHAIN_START, chain.slice(0, 2));
    expect(first).toEqual({ position: { checked: 2, seq: 2, hash: 'b' }, broken: null });
    expect(checkChainLinks(first.position, chain.slice(2))).toEqual({
      position: { checked: 3, seq: 3, hash: 'c' },
      broken: null,
    });
  });

  it.each([
    [
      'a changed event',
      [chain[0], link(2, 'a', 'b', 'x'), chain[2]],
      '102',
      1,
      /its content no longer matches/,
    ],
    ['a deleted event', [chain[0], chain[2]], '103', 1, /^the event before it in the chain is missing/],
    ['two deleted events', [chain[2]], '103', 0, /^2 events before it in the chain are missing/],
    [
      'a replaced predecessor',
      [chain[0], link(2, 'z', 'b'), chain[2]],
      '102',
      1,
      /does not match that event/,
    ],
    ['an event out of place', [chain[0], chain[1], link(2, 'b', 'd')], '102', 2, /out of place/],
  ])('names the first broken event after %s', (_case, links, id, held, reason) => {
    const result = checkChainLinks(CHAIN_START, links);
    expect(result).toMatchObject({ broken: { event: { id }, reason: expect.stringMatching(reason) } });
    // The position is the last event that held: what "N events before it held" counts.
    expect(result.position.checked).toBe(held);
  });
});

describe('checkChainEnd', () => {
  it('holds when the walk ends at the head', () => {
    expect(checkChainEnd({ checked: 3, seq: 3, hash: 'c' }, { seq: 3, hash: 'c' }, chain[2])).toBeNull();
    expect(checkChainEnd(CHAIN_START, { seq: 0, hash: null }, null)).toBeNull();
  });

  it('names the last event when newer ones are missing', () => {
    expect(checkChainEnd({ checked: 2, seq: 2, hash: 'b' }, { seq: 3, hash: 'c' }, chain[1])).toEqual({
      event: { id: '102', seq: 2, at, action: 'action.2' },
      reason: "1 event after it is missing (the chain's head is event 3 of the chain)",
    });
  });
});
