import { wilsonInterval } from '../metrics/classification';
/** The two-sided 95% normal quantile. */
const Z95 = 1.959963984540054;

export type Proportion = { agree: number; n: number };

/** Wilson's score interval of one proportion (the building block of Newcombe's interval); callers ensure n > 0. */
const wilsonOf = ({ agree, n }: Proportion): { low: number; high: number } =>
  wilsonInterval(agree, n, Z95) ?? { low: 0, high: 1 };

export type SurveyChange = {
  /** Points: after% − before%. */
  change: number;
  ciLow: number;
  ciHigh: number;
};

/**
 * The change in the share agreeing between two independent samples (before and after), in percentage points, with
 * a 95% confidence interval by Newcombe's hybrid score method (Newcombe 1998, method 10: Wilson intervals for
 * each proportion, combined). Chosen over Wald with continuity correction because it keeps its coverage for the
 * small samples and extreme shares that local surveys give. Null when either sample asked nobody.
 */
export const surveyChange = (before: Proportion, after: Proportion): SurveyChange | null => {
  if (before.n === 0 || after.n === 0) return null;
  const p1 = before.agree / before.n;
  const p2 = after.agree / after.n;
  const w1 = wilsonOf(before);
  const w2 = wilsonOf(after);
  const d = p2 - p1;
  const low = d - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2);
  const high = d + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2);
  return { change: d * 100, ciLow: low * 100, ciHigh: high * 100 };
};
