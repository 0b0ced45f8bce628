import type { EngagementRecorded } from '@parley/contracts';
import { eventually } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startJetstreamReplay,
  type JetstreamReplay,
} from '../../libs/ingest/src/connectors/test-support/jetstream-server';
import { startFakeBluesky, type FakeBluesky } from '../../libs/ingest/src/publish/test-support/fake-bluesky';
import { startParley, type Parley } from './harness';

const AUTHOR = 'did:plc:alexpublicfake';
const RKEY = '3mroot2question';
const ROOT_URI = `at://${AUTHOR}/app.bsky.feed.post/${RKEY}`;
const APP_PASSWORD = 'abcd-efgh-ijkl-mnop';

/** A question posted on Bluesky, arriving over Jetstream, answered from the department's Bluesky account. */
describe('publishing a Bluesky reply', () => {
  let parley: Parley;
  let pds: FakeBluesky;
  let jetstream: JetstreamReplay;
  let root: { uri: string; cid: string };

  beforeAll(async () => {
    pds = await startFakeBluesky({ handle: 'dvsa.bsky.social', appPassword: APP_PASSWORD });
    root = pds.seed(ROOT_URI, 'How do I change my driving test date?');
    const timeUs = Date.now() * 1000 - 3_600_000_000;
    const event = {
      did: AUTHOR,
      time_us: timeUs,
      kind: 'commit',
      commit: {
        rev: '3mrev',
        operation: 'create',
        collection: 'app.bsky.feed.post',
        rkey: RKEY,
        cid: root.cid,
        record: {
          $type: 'app.bsky.feed.post',
          text: 'How do I change my driving test date?',
          createdAt: new Date(timeUs / 1000).toISOString(),
          langs: ['en'],
        },
      },
    };
    jetstream = await startJetstreamReplay([
      { line: JSON.stringify(event), timeUs, kind: 'commit', collection: 'app.bsky.feed.post' },
    ]);
    parley = await startParley();
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dvsa',
          name: 'Driver and Vehicle Standards Agency',
          rules: [{ key: 'tests', name: 'Driving tests', query: 'driving' }],
          accounts: [
            { platform: 'bluesky', handle: 'dvsa.bsky.social', site: pds.origin, appPassword: APP_PASSWORD },
          ],
          resources: [
            {
              title: 'Change your driving test appointment',
              url: 'https://www.gov.uk/change-driving-test',
              text: 'Change the date of your driving test or move your driving test to another test centre.',
            },
          ],
        },
      ],
      sources: [{ key: 'bluesky', type: 'bluesky', url: jetstream.url, interval: '1h' }],
    });
    expect(applied.status).toBe(200);
  });

  afterAll(async () => {
    await parley?.close();
    await jetstream?.close();
    await pds?.close();
  });

  it('signs in with the app password and writes the reply with root and parent refs', async () => {
    const opportunity = await eventually(async () => {
      const { rows } = await parley.db.query(`SELECT id, version FROM opportunity`);
      return rows[0] as { id: string; version: number } | undefined;
    });
    const text = 'Hi, DVSA digital team here: you can change your driving test date on GOV.UK.';
    const { status, body } = (await parley.admin.request(
      'POST',
      `/api/opportunities/${opportunity.id}/engagements`,
      {
        kind: 'reply',
        mode: 'transmit',
        account: 'dvsa.bsky.social',
        text,
        publish: true,
        expectedVersion: opportunity.version,
      },
    )) as { status: number; body: EngagementRecorded };
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.opportunity.status).toBe('responded');

    const session = pds.requests.find((r) => r.url.pathname.endsWith('createSession'));
    expect(JSON.parse(session?.body ?? '{}')).toEqual({
      identifier: 'dvsa.bsky.social',
      password: APP_PASSWORD,
    });
    const create = pds.requests.find((r) => r.url.pathname.endsWith('createRecord'));
    expect(create?.headers.authorization).toBe('Bearer fake-access-jwt');
    expect(JSON.parse(create?.body ?? '{}')).toMatchObject({
      repo: pds.did,
      collection: 'app.bsky.feed.post',
      record: { text, reply: { root, parent: root } },
    });
    const written = pds.records.at(-1);
    const { rows } = await parley.db.query(
      `SELECT external_id, publish_state FROM engagement WHERE id = $1`,
      [body.engagement.id],
    );
    expect(rows[0]).toEqual({ external_id: written?.uri, publish_state: 'published' });
  });
});
