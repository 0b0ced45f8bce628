import type { ThreadPost } from '@parley/contracts';

export type ThreadNode = { post: ThreadPost; parent: ThreadPost | null; replies: ThreadNode[] };

/**
 * Nests replies under the post they answer, keeping the api's thread order among siblings. A reply is attached
 * only to a post that came before it, so a bad `inReplyTo` (missing, self, a cycle) leaves it at the top level
 * instead of losing it.
 */
export const buildThread = (posts: ThreadPost[]): ThreadNode[] => {
  const seen = new Map<string, ThreadNode>();
  const roots: ThreadNode[] = [];
  for (const post of posts) {
    const parentNode = post.inReplyTo ? seen.get(post.inReplyTo) : undefined;
    const node: ThreadNode = { post, parent: parentNode?.post ?? null, replies: [] };
    if (parentNode) parentNode.replies.push(node);
    else roots.push(node);
    if (!seen.has(post.id)) seen.set(post.id, node);
  }
  return roots;
};

export const authorName = (author: ThreadPost['author']): string =>
  author.name ?? author.handle ?? 'Unknown author';
