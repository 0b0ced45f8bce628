export type ThreadPost = { publishedAt: Date; byDepartment: boolean };

export type FirstResponse = { firstResponseAt: Date; firstResponseSeconds: number };

/**
 * First-response time: the first department post after the first public post, minus that public post's time.
 * A thread the department started itself counts from the first public reply.
 */
export const firstResponse = (posts: ThreadPost[]): FirstResponse | null => {
  const ordered = [...posts].sort((a, b) => a.publishedAt.getTime() - b.publishedAt.getTime());
  const firstPublic = ordered.find((p) => !p.byDepartment);
  if (!firstPublic) return null;
  const reply = ordered.find(
    (p) => p.byDepartment && p.publishedAt.getTime() >= firstPublic.publishedAt.getTime(),
  );
  if (!reply) return null;
  return {
    firstResponseAt: reply.publishedAt,
    firstResponseSeconds: Math.round(
      (reply.publishedAt.getTime() - firstPublic.publishedAt.getTime()) / 1000,
    ),
  };
};
