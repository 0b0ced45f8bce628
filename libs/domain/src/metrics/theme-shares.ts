import { change, isSmallSample, ratio } from './conventions';

/** A theme's mentions in one period, as the roll-up gives them. */
export type ThemeCount = { id: string; mentions: number };
export type ThemeShare = {
  id: string;
  mentions: number;
  /** Its mentions ÷ on-topic mentions ×100; null when the period has no on-topic mentions. */
  share: number | null;
  previousShare: number | null;
  /** In points; null without a comparison or when either period has no on-topic mentions. */
  change: number | null;
  /** The share rests on fewer than 30 on-topic posts. */
  smallSample: boolean;
};

/**
 * Every theme's share of on-topic mentions and its change in points against the comparison period (null: none
 * asked). A theme mentioned only in the comparison period is listed too, with 0 mentions, because a theme that
 * went quiet is a change worth showing. Most mentioned first, then the larger previous share, then the id.
 */
export const themeShares = (
  current: { onTopic: number; themes: readonly ThemeCount[] },
  previous: { onTopic: number; themes: readonly ThemeCount[] } | null,
): ThemeShare[] => {
  const before = new Map((previous?.themes ?? []).map((t) => [t.id, t.mentions]));
  const now = new Map(current.themes.map((t) => [t.id, t.mentions]));
  const ids = [...new Set([...now.keys(), ...before.keys()])];
  return ids
    .map((id) => {
      const mentions = now.get(id) ?? 0;
      const share = ratio(mentions, current.onTopic, 100);
      const previousShare = previous ? ratio(before.get(id) ?? 0, previous.onTopic, 100) : null;
      return {
        id,
        mentions,
        share,
        previousShare,
        change: change(share, previousShare, 'percent'),
        smallSample: isSmallSample(current.onTopic),
      };
    })
    .sort(
      (a, b) =>
        b.mentions - a.mentions ||
        (b.previousShare ?? 0) - (a.previousShare ?? 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
};
