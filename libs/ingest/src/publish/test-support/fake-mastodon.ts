import {
  startLocalServer,
  type LocalServer,
  type Reply,
  type SeenRequest,
} from '../../connectors/test-support/local-http-server';
import { timelinePage, type FixtureStatus } from '../../connectors/test-support/mastodon-instance';

export type FakeStatus = FixtureStatus & {
  created_at: string;
  url: string;
  account: { id: string; acct: string; username: string };
};

export type FakeMastodon = LocalServer & {
  statuses: FakeStatus[];
  /** Adds a status by someone else (the public), as if posted on this server. */
  seed: (status: {
    id: string;
    acct: string;
    content: string;
    inReplyTo?: string;
    createdAt?: Date;
  }) => FakeStatus;
  /** The next POST /api/v1/statuses answers this instead (once). */
  failNext: (reply: Reply) => void;
  /** The next POST /api/v1/statuses posts, but its answer is lost (a 504 from a proxy, once). */
  loseNextAnswer: () => void;
};

/**
 * A Mastodon server on 127.0.0.1 with the endpoints Parley uses: the public timeline and thread contexts (to
 * fetch) and `POST /api/v1/statuses` (to reply), which checks the bearer token, reads the JSON body and honours
 * `Idempotency-Key` as Mastodon does: the same key answers the status made the first time.
 */
export const startFakeMastodon = async (options: {
  token: string;
  account: string;
}): Promise<FakeMastodon> => {
  const statuses: FakeStatus[] = [];
  const byKey = new Map<string, FakeStatus>();
  let failure: Reply | null = null;
  let loseAnswer = false;
  let origin = '';
  let next = 200_000_000_000_000_000n;

  const make = (s: { id: string; acct: string; content: string; inReplyTo?: string; createdAt?: Date }) => {
    const status: FakeStatus = {
      id: s.id,
      created_at: (s.createdAt ?? new Date()).toISOString(),
      in_reply_to_id: s.inReplyTo ?? null,
      content: `<p>${s.content.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      url: `${origin}/@${s.acct}/${s.id}`,
      account: { id: `acct-${s.acct}`, acct: s.acct, username: s.acct },
      reblog: null,
    };
    statuses.push(status);
    return status;
  };

  const post = (request: SeenRequest): Reply => {
    if (request.headers.authorization !== `Bearer ${options.token}`)
      return { status: 401, json: { error: 'The access token is invalid' } };
    if (failure) {
      const reply = failure;
      failure = null;
      return reply;
    }
    const key = String(request.headers['idempotency-key'] ?? '');
    const known = key ? byKey.get(key) : undefined;
    if (known) return { json: known };
    const body = JSON.parse(request.body) as { status?: string; in_reply_to_id?: string };
    if (!body.status) return { status: 422, json: { error: "Validation failed: Text can't be blank" } };
    if (body.in_reply_to_id && !statuses.some((s) => s.id === body.in_reply_to_id))
      return { status: 404, json: { error: 'Record not found' } };
    next += 1n;
    const status = make({
      id: String(next),
      acct: options.account,
      content: body.status,
      inReplyTo: body.in_reply_to_id,
    });
    if (key) byKey.set(key, status);
    if (loseAnswer) {
      loseAnswer = false;
      return { status: 504, body: 'Gateway Timeout' };
    }
    return { json: status };
  };

  const ancestors = (id: string): FakeStatus[] => {
    const chain: FakeStatus[] = [];
    let current = statuses.find((s) => s.id === id);
    while (current?.in_reply_to_id) {
      current = statuses.find((s) => s.id === current?.in_reply_to_id);
      if (current) chain.unshift(current);
    }
    return chain;
  };

  const server = await startLocalServer((request) => {
    const path = request.url.pathname;
    if (request.method === 'POST' && path === '/api/v1/statuses') return post(request);
    if (path === '/api/v1/timelines/public') return { json: timelinePage(statuses, request.url) };
    const context = /^\/api\/v1\/statuses\/([^/]+)\/context$/.exec(path);
    if (context) return { json: { ancestors: ancestors(context[1]), descendants: [] } };
    return null;
  });
  origin = server.origin;
  return {
    ...server,
    statuses,
    seed: make,
    failNext: (reply) => {
      failure = reply;
    },
    loseNextAnswer: () => {
      loseAnswer = true;
    },
  };
};
