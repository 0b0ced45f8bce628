import { DomainError } from '@parley/domain';
import { isFetchError } from '../fetch-error';
import { fetchUrl } from '../safe-fetch';
import { originOf, type PublishRequest, type Published } from './publisher';

const failure = (message: string) => new DomainError('fetch_failed', message);

/** What a person can do about each answer Mastodon gives. */
const explain = (error: unknown, handle: string, origin: string): DomainError => {
  if (!isFetchError(error)) return error instanceof DomainError ? error : failure(String(error));
  const status = error.status;
  if (status === 401 || status === 403)
    return failure(
      `Mastodon refused the token for ${handle}: check the account's access token (it needs the write:statuses scope).`,
    );
  if (status === 404)
    return failure(`Mastodon at ${origin} does not have the post being answered: it may have been deleted.`);
  if (status === 422)
    return failure('Mastodon did not accept the reply: check its length (500 characters on most servers).');
  if (status === 429)
    return failure('Mastodon is limiting posts from this account: try again in a few minutes.');
  return failure(
    `Mastodon at ${origin} could not take the reply (${error.message}): try again; a retry does not post it twice.`,
  );
};

const json = (body: Buffer): Record<string, unknown> => {
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw failure(
      'Mastodon answered something that is not JSON: check the account site is a Mastodon server.',
    );
  }
};

/** The status id on the account's own server: the stored one when the post was fetched there, else looked up. */
const inReplyToId = async (request: PublishRequest, origin: string, auth: Record<string, string>) => {
  const target = request.replyTo;
  if (!target) return null;
  if (target.origin === origin) return target.externalId;
  if (!target.url)
    throw failure('The post being answered has no address another Mastodon server can look up.');
  const search = new URL('/api/v2/search', origin);
  search.search = new URLSearchParams({
    q: target.url,
    resolve: 'true',
    type: 'statuses',
    limit: '1',
  }).toString();
  const found = json((await fetchUrl(search.href, { allowlist: request.allowlist, headers: auth })).body);
  const id = (found.statuses as { id?: string }[] | undefined)?.[0]?.id;
  if (!id) throw failure(`Mastodon at ${origin} could not find the post being answered (${target.url}).`);
  return id;
};

/** Posts a reply (or a new status) with `POST /api/v1/statuses`, keyed so a retry never posts twice. */
export const publishToMastodon = async (request: PublishRequest): Promise<Published> => {
  const { account } = request;
  if (!account.site)
    throw new DomainError(
      'invalid',
      `The Mastodon account ${account.handle} needs its site (the server it is on).`,
    );
  const origin = originOf(account.site);
  const auth = { authorization: `Bearer ${account.secret}`, accept: 'application/json' };
  try {
    const replyId = await inReplyToId(request, origin, auth);
    const response = await fetchUrl(new URL('/api/v1/statuses', origin).href, {
      allowlist: request.allowlist,
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': request.key },
      body: JSON.stringify({
        status: request.text,
        visibility: 'public',
        ...(replyId ? { in_reply_to_id: replyId } : {}),
      }),
    });
    const status = json(response.body);
    if (typeof status.id !== 'string') throw failure('Mastodon answered without the id of the new post.');
    const postedAt = new Date(String(status.created_at));
    return {
      externalId: status.id,
      url: typeof status.url === 'string' ? status.url : null,
      postedAt: Number.isNaN(postedAt.getTime()) ? new Date() : postedAt,
    };
  } catch (error) {
    throw explain(error, account.handle, origin);
  }
};
