import { createHash } from 'node:crypto';
import { DomainError } from '@parley/domain';
import { isFetchError } from '../fetch-error';
import { fetchUrl } from '../safe-fetch';
import { originOf, type PublishRequest, type Published } from './publisher';

const POST = 'app.bsky.feed.post';
const DEFAULT_SERVICE = 'https://bsky.social';
const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

type Ref = { uri: string; cid: string };
type Call = { origin: string; allowlist: string[]; token?: string };

const failure = (message: string) => new DomainError('fetch_failed', message);

/**
 * The record key of the engagement's post: a TID (microseconds, then a 10-bit clock id) made from when the
 * engagement was first tried and its id, so every retry writes the same record and a second post cannot appear.
 */
export const recordKeyOf = (key: string, at: Date): string => {
  const clockId = BigInt(createHash('sha256').update(key).digest().readUInt16BE(0) & 0x3ff);
  let value = ((BigInt(at.getTime()) * 1000n) << 10n) | clockId;
  let out = '';
  for (let i = 0; i < 13; i += 1) {
    out = TID_ALPHABET[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
};

const parse = (body: Buffer): Record<string, unknown> => {
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw failure(
      'Bluesky answered something that is not JSON: check the account site is a Bluesky server (PDS).',
    );
  }
};

const headers = (call: Call, json: boolean): Record<string, string> => ({
  accept: 'application/json',
  ...(json ? { 'content-type': 'application/json' } : {}),
  ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
});

const xrpcGet = async (call: Call, method: string, params: Record<string, string>) => {
  const url = new URL(`/xrpc/${method}`, call.origin);
  url.search = new URLSearchParams(params).toString();
  return parse((await fetchUrl(url.href, { allowlist: call.allowlist, headers: headers(call, false) })).body);
};

const xrpcPost = async (call: Call, method: string, body: unknown) =>
  parse(
    (
      await fetchUrl(new URL(`/xrpc/${method}`, call.origin).href, {
        allowlist: call.allowlist,
        method: 'POST',
        headers: headers(call, true),
        body: JSON.stringify(body),
      })
    ).body,
  );

const isRef = (value: unknown): value is Ref =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Ref).uri === 'string' &&
  typeof (value as Ref).cid === 'string';

/** `reply: {root, parent}`: the parent's cid from the server; the root is the parent's root, or the parent itself. */
const replyRefs = async (call: Call, parentUri: string): Promise<{ root: Ref; parent: Ref }> => {
  const found = await xrpcGet(call, 'app.bsky.feed.getPosts', { uris: parentUri });
  const post = (
    found.posts as ({ record?: { reply?: { root?: unknown } } } & Partial<Ref>)[] | undefined
  )?.[0];
  if (!isRef(post)) throw failure('Bluesky does not have the post being answered: it may have been deleted.');
  const parent = { uri: post.uri, cid: post.cid };
  const root = (post as { record?: { reply?: { root?: unknown } } }).record?.reply?.root;
  return { root: isRef(root) ? { uri: root.uri, cid: root.cid } : parent, parent };
};

/** A record already written under this key (a retry after a lost answer), or null. */
const existing = async (call: Call, repo: string, rkey: string): Promise<Ref | null> => {
  try {
    const found = await xrpcGet(call, 'com.atproto.repo.getRecord', { repo, collection: POST, rkey });
    return isRef(found) ? { uri: found.uri, cid: found.cid } : null;
  } catch (error) {
    if (isFetchError(error) && (error.status === 400 || error.status === 404)) return null;
    throw error;
  }
};

const explain = (error: unknown, stage: 'session' | 'post', handle: string): DomainError => {
  if (!isFetchError(error)) return error instanceof DomainError ? error : failure(String(error));
  const status = error.status;
  if (stage === 'session' && (status === 400 || status === 401))
    return failure(`Bluesky refused the app password for ${handle}: check the account's app password.`);
  if (status === 401 || status === 403)
    return failure(
      `Bluesky refused to post as ${handle}: check the account's app password and that the account is active.`,
    );
  if (status === 400) return failure('Bluesky did not accept the reply: check its length (300 characters).');
  if (status === 429)
    return failure('Bluesky is limiting posts from this account: try again in a few minutes.');
  return failure(
    `Bluesky could not take the reply (${error.message}): try again; a retry does not post it twice.`,
  );
};

/** Signs in with the app password, then writes the post (with reply refs) under the engagement's record key. */
export const publishToBluesky = async (request: PublishRequest): Promise<Published> => {
  const { account } = request;
  const call: Call = { origin: originOf(account.site ?? DEFAULT_SERVICE), allowlist: request.allowlist };
  let session: Record<string, unknown>;
  try {
    session = await xrpcPost(call, 'com.atproto.server.createSession', {
      identifier: account.handle.replace(/^@/, ''),
      password: account.secret,
    });
  } catch (error) {
    throw explain(error, 'session', account.handle);
  }
  if (typeof session.accessJwt !== 'string' || typeof session.did !== 'string')
    throw failure(
      'Bluesky signed in without a session token: check the account site is a Bluesky server (PDS).',
    );
  const authed: Call = { ...call, token: session.accessJwt };
  const repo = session.did;
  const rkey = recordKeyOf(request.key, request.keyTime);
  try {
    const ref = (await existing(authed, repo, rkey)) ?? (await createPost(authed, repo, rkey, request));
    const handle = typeof session.handle === 'string' ? session.handle : account.handle.replace(/^@/, '');
    return {
      externalId: ref.uri,
      url: `https://bsky.app/profile/${handle}/post/${rkey}`,
      postedAt: new Date(),
    };
  } catch (error) {
    throw explain(error, 'post', account.handle);
  }
};

const createPost = async (call: Call, repo: string, rkey: string, request: PublishRequest): Promise<Ref> => {
  const reply = request.replyTo ? await replyRefs(call, request.replyTo.externalId) : undefined;
  const created = await xrpcPost(call, 'com.atproto.repo.createRecord', {
    repo,
    collection: POST,
    rkey,
    record: {
      $type: POST,
      text: request.text,
      createdAt: new Date().toISOString(),
      ...(reply ? { reply } : {}),
    },
  });
  if (!isRef(created)) throw failure('Bluesky answered without the address of the new post.');
  return created;
};
