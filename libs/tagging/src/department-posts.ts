export type Account = { departmentId: string; platform: string; handle: string; site: string | null };
export type AuthoredPost = {
  id: string;
  platform: string;
  url: string | null;
  authorName: string | null;
  authorHandle: string | null;
};

// With its port, if any: an account's site written with a port (a server on a test machine) names that server.
const hostOf = (url: string | null): string | null => {
  try {
    return url ? new URL(url).host.toLowerCase() : null;
  } catch {
    return null;
  }
};

const sameSite = (site: string, url: string | null): boolean => {
  const host = hostOf(url);
  const wanted = site
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '');
  return host !== null && (host === wanted || host.endsWith(`.${wanted}`));
};

/** A post is the department taking part when its author is one of the department's accounts (on a blog: that site). */
export const departmentOfPost = (post: AuthoredPost, accounts: Account[]): string | null => {
  const names = [post.authorHandle, post.authorName]
    .filter((n): n is string => !!n)
    .map((n) => n.toLowerCase());
  const account = accounts.find(
    (a) =>
      a.platform === post.platform &&
      names.includes(a.handle.toLowerCase()) &&
      (a.site === null || sameSite(a.site, post.url)),
  );
  return account?.departmentId ?? null;
};
