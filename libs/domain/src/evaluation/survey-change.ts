/** The two-sided 95% normal quantile. */
const Z95 = 1.959963984540054;

export type Proportion = { agree: number; n: number };

/**
 * Wilson's score interval for one proportion (Wilson 1927), the building block of Newcombe's interval below. It
 * stays inside [0, 1] and behaves at 0 and n agreeing, where the Wald interval collapses to a point.
 */
export const wilsonInterval = ({ agree, n }: Proportion, z = Z95): { low: number; high: number } => {
  const p = agree / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
};

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
  const w1 = wilsonInterval(before);
  const w2 = wilsonInterval(after);
  const d = p2 - p1;
  const low = d - Math.sqrt((p2 - w2.low) ** 2 + (w1.high - p1) ** 2);
  const high = d + Math.sqrt((w2.high - p2) ** 2 + (p1 - w1.low) ** 2);
  return { change: d * 100, ciLow: low * 100, ciHigh: high * 100 };
};
