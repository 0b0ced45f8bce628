/** Filled in once the query language lands: 10,000 rules × 100,000 posts, matcher vs Postgres. */
export const runTaggingBench = async (): Promise<Record<string, unknown>> => {
  throw new Error('the tagging benchmark is not written yet');
};
