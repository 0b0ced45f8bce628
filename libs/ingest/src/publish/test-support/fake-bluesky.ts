import {
  startLocalServer,
  type LocalServer,
  type Reply,
  type SeenRequest,
} from '../../connectors/test-support/local-http-server';

type Ref = { uri: string; cid: string };
export type FakeRecord = Ref & { value: { text: string; reply?: { root: Ref; parent: Ref } } };

export type FakeBluesky = LocalServer & {
  did: string;
  records: FakeRecord[];
  /** A post by someone else that the department can answer. */
  seed: (uri: string, text: string, reply?: { root: Ref; parent: Ref }) => Ref;
};

const cidOf = (n: number) => `bafyreifake${String(n).padStart(6, '0')}`;

/**
 * A Bluesky PDS on 127.0.0.1 with what Parley uses to post: createSession (checks the app password), getPosts
 * (the cids of the post being answered), getRecord and createRecord (checks the session token and the reply refs).
 */
export const startFakeBluesky = async (options: {
  handle: string;
  appPassword: string;
}): Promise<FakeBluesky> => {
  const did = 'did:plc:departmentfake';
  const token = 'fake-access-jwt';
  const records: FakeRecord[] = [];
  const authorised = (r: SeenRequest) => r.headers.authorization === `Bearer ${token}`;
  const seed = (uri: string, text: string, reply?: { root: Ref; parent: Ref }): Ref => {
    const ref = { uri, cid: cidOf(records.length + 1) };
    records.push({ ...ref, value: { text, ...(reply ? { reply } : {}) } });
    return ref;
  };

  const createRecord = (request: SeenRequest): Reply => {
    if (!authorised(request)) return { status: 401, json: { error: 'AuthenticationRequired' } };
    const body = JSON.parse(request.body) as {
      repo: string;
      collection: string;
      rkey: string;
      record: FakeRecord['value'] & { $type: string };
    };
    if (
      body.repo !== did ||
      body.collection !== 'app.bsky.feed.post' ||
      body.record.$type !== 'app.bsky.feed.post'
    )
      return { status: 400, json: { error: 'InvalidRequest', message: 'wrong repo or collection' } };
    const uri = `at://${did}/app.bsky.feed.post/${body.rkey}`;
    if (records.some((r) => r.uri === uri)) return { status: 400, json: { error: 'InvalidSwap' } };
    const reply = body.record.reply;
    const known = (ref: Ref) => records.some((r) => r.uri === ref.uri && r.cid === ref.cid);
    if (reply && (!known(reply.root) || !known(reply.parent)))
      return { status: 400, json: { error: 'InvalidRequest', message: 'reply refs do not match' } };
    return { json: seed(uri, body.record.text, reply) };
  };

  const server = await startLocalServer((request) => {
    const method = request.url.pathname.replace(/^\/xrpc\//, '');
    if (method === 'com.atproto.server.createSession') {
      const body = JSON.parse(request.body) as { identifier?: string; password?: string };
      if (body.identifier !== options.handle || body.password !== options.appPassword)
        return {
          status: 401,
          json: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' },
        };
      return { json: { accessJwt: token, refreshJwt: 'fake-refresh', did, handle: options.handle } };
    }
    if (method === 'com.atproto.repo.createRecord') return createRecord(request);
    if (!authorised(request)) return { status: 401, json: { error: 'AuthenticationRequired' } };
    if (method === 'app.bsky.feed.getPosts') {
      const uris = request.url.searchParams.getAll('uris');
      const posts = records
        .filter((r) => uris.includes(r.uri))
        .map((r) => ({ uri: r.uri, cid: r.cid, record: r.value }));
      return { json: { posts } };
    }
    if (method === 'com.atproto.repo.getRecord') {
      const p = request.url.searchParams;
      const uri = `at://${p.get('repo')}/${p.get('collection')}/${p.get('rkey')}`;
      const found = records.find((r) => r.uri === uri);
      return found ? { json: found } : { status: 400, json: { error: 'RecordNotFound' } };
    }
    return null;
  });
  return { ...server, did, records, seed };
};
