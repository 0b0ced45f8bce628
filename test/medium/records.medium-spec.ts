import type { Queryable } from '@parley/db';
import { parseCsv, type EngagementRecord } from '@parley/domain';
import { TestApiClient } from '@parley/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCommand, describeVerdict, verifyAuditChain } from '../../apps/api/src/cli/audit.command';
import { ADMIN, startApi, type Api } from './harness';

const PASSWORD = 'a-long-enough-password';
const TODAY = new Date().toISOString().slice(0, 10);

type RecordsDocument = {
  format: string;
  department: { key: string; name: string };
  period: { from: string; to: string };
  generatedBy: { email: string };
  records: EngagementRecord[];
};

/**
 * Records: the department's replies exported for the records office (JSON, CSV, HTML) with their context, and the
 * audit log's hash chain — holding after a realistic run of audited work, and naming the event a hand edit or a
 * deletion broke.
 */
describe('records: the records-office export and the tamper-evident audit log', () => {
  let parley: Api;
  let q: Queryable;
  const people = {} as Record<'cara' | 'colin' | 'pat' | 'mo' | 'vic' | 'wes', TestApiClient>;
  let sourceId: string;
  let threads = 0;

  const signIn = async (email: string) => {
    const client = new TestApiClient(parley.baseUrl);
    expect(await client.login(email, PASSWORD)).toBe(200);
    return client;
  };

  /** A tagged conversation, its first post (by a member of the public) and the department's opportunity on it. */
  const opportunity = async (route: string, question: string) => {
    threads += 1;
    const conversation = await parley.db.query(
      `INSERT INTO conversation (source_id, root_external_id, title, url) VALUES ($1, $2, $3, $4) RETURNING id::text`,
      [
        sourceId,
        `thread-${threads}`,
        `Grant question ${threads}`,
        `https://social.example/@priya/${threads}`,
      ],
    );
    const conversationId = conversation.rows[0].id as string;
    await parley.db.query(
      `INSERT INTO post (source_id, external_id, conversation_id, platform, url, text, published_at, author_name,
         author_handle)
       VALUES ($1, $2, $3, 'mastodon', $4, $5, now() - interval '2 hours', 'Priya Shah', 'priya@social.example')`,
      [sourceId, `thread-${threads}`, conversationId, `https://social.example/@priya/${threads}`, question],
    );
    const row = await parley.db.query(
      `INSERT INTO opportunity (conversation_id, department_id, score, route, route_reason)
       SELECT $1, id, 70, $2, 'Asks about a grant.' FROM department WHERE key = 'dft' RETURNING id`,
      [conversationId, route],
    );
    return { conversationId, opportunityId: row.rows[0].id as string };
  };

  const call = async (client: TestApiClient, method: string, path: string, body?: object) => {
    const response = await client.request(method, path, body);
    expect(response.status, JSON.stringify(response.body)).toBeLessThan(300);
    return response.body as Record<string, unknown>;
  };
  const versionOf = async (id: string) =>
    (await people.mo.get<{ version: number }>(`/api/opportunities/${id}`)).body.version;

  const exportPath = (query: string) => `/api/records/export?department=dft&${query}`;
  const text = async (client: TestApiClient, path: string) => {
    const response = await client.download(path);
    return { status: response.status, headers: response.headers, text: response.bytes.toString('utf8') };
  };
  const json = async (query: string) => {
    const response = await text(people.mo, exportPath(query));
    expect(response.status, response.text).toBe(200);
    return JSON.parse(response.text) as RecordsDocument;
  };

  let cleared: { conversationId: string; opportunityId: string };

  beforeAll(async () => {
    parley = await startApi();
    q = {
      query: (sql: string, params?: unknown[]) => parley.db.query(sql, params).then((r) => r.rows),
    } as Queryable;
    const applied = await parley.admin.request('PUT', '/api/workspace', {
      departments: [
        {
          key: 'dft',
          name: 'Department for Transport',
          accounts: [{ platform: 'mastodon', handle: 'dft', site: 'social.example' }],
          rules: [{ key: 'grants', name: 'Grants', query: 'grant' }],
        },
        { key: 'dwp', name: 'Department for Work and Pensions' },
      ],
      sources: [
        { key: 'forum', type: 'mastodon', url: 'https://social.example', interval: '1h', department: 'dft' },
      ],
    });
    expect(applied.status).toBe(200);
    sourceId = (await parley.db.query(`SELECT id FROM source WHERE key = 'forum'`)).rows[0].id;
    const members = [
      ['cara', 'dft', 'comms'],
      ['colin', 'dft', 'comms'],
      ['pat', 'dft', 'policy'],
      ['mo', 'dft', 'manager'],
      ['vic', 'dft', 'viewer'],
      ['wes', 'dwp', 'manager'],
    ] as const;
    for (const [name, department, role] of members) {
      await call(parley.admin, 'POST', '/api/users', {
        email: `${name}@example.gov.uk`,
        name: name[0].toUpperCase() + name.slice(1),
        password: PASSWORD,
        memberships: [{ department, role }],
      });
      people[name] = await signIn(`${name}@example.gov.uk`);
    }

    // A reply on the clearance route: drafted, revised, submitted, approved by policy and comms, then recorded.
    cleared = await opportunity('clearance', 'Can I <b>get</b> the bus grant? =1+1');
    const o = cleared.opportunityId;
    await call(people.cara, 'PUT', `/api/opportunities/${o}/draft`, {
      text: 'Hi, DfT here.',
      expectedVersion: 0,
    });
    await call(people.cara, 'PUT', `/api/opportunities/${o}/draft`, {
      text: 'Hi, DfT here: the bus grant opens in May.',
      expectedVersion: 1,
    });
    await call(people.cara, 'POST', `/api/opportunities/${o}/draft/submit`, { expectedVersion: 2 });
    await call(people.pat, 'POST', `/api/opportunities/${o}/draft/reviews`, {
      expectedVersion: 2,
      decision: 'approve',
      comment: 'Matches the policy.',
    });
    await call(people.colin, 'POST', `/api/opportunities/${o}/draft/reviews`, {
      expectedVersion: 2,
      decision: 'approve',
      comment: '',
    });
    await call(people.cara, 'POST', `/api/opportunities/${o}/engagements`, {
      kind: 'reply',
      mode: 'transmit',
      url: 'https://social.example/@dft/9001',
      text: '=HYPERLINK("http://evil.example") the bus grant opens in May.',
      postedAt: new Date(Date.now() - 60 * 60_000).toISOString(),
      outcome: 'Priya thanked us.',
      expectedVersion: await versionOf(o),
    });

    // A pointer with no draft, posted a little earlier.
    const pointer = await opportunity('pointer', 'Where is the grant guidance?');
    await call(people.cara, 'POST', `/api/opportunities/${pointer.opportunityId}/engagements`, {
      kind: 'pointer',
      mode: 'transmit',
      url: 'https://social.example/@dft/9000',
      text: 'The guidance is on GOV.UK.',
      postedAt: new Date(Date.now() - 90 * 60_000).toISOString(),
      expectedVersion: await versionOf(pointer.opportunityId),
    });
  });

  afterAll(async () => {
    await parley?.close();
  });

  describe('the export', () => {
    it('writes a JSON document of the department’s replies, oldest first, each with its context', async () => {
      const document = await json(`from=${TODAY}&to=${TODAY}&format=json`);
      expect(document).toMatchObject({
        format: 'parley-engagement-records/1',
        department: { key: 'dft', name: 'Department for Transport' },
        period: { from: TODAY, to: TODAY },
        generatedBy: { email: 'mo@example.gov.uk' },
      });
      expect(document.records.map((r) => r.kind)).toEqual(['pointer', 'reply']);
      const [pointer, reply] = document.records;
      expect(pointer).toMatchObject({ how: 'recorded', text: 'The guidance is on GOV.UK.', draft: null });
      expect(reply).toMatchObject({
        how: 'recorded',
        route: 'clearance',
        url: 'https://social.example/@dft/9001',
        outcome: 'Priya thanked us.',
        recordedBy: { name: 'Cara', email: 'cara@example.gov.uk' },
        conversation: {
          id: cleared.conversationId,
          title: expect.stringMatching(/^Grant question/),
          source: 'forum',
          bundleUrl: expect.stringMatching(
            new RegExp(`/api/conversations/${cleared.conversationId}/bundle\\?department=dft$`),
          ),
        },
        repliedTo: { author: 'Priya Shah', text: 'Can I <b>get</b> the bus grant? =1+1' },
      });
      expect(reply.draft?.versions.map((v) => [v.version, v.savedBy])).toEqual([
        [1, 'Cara'],
        [2, 'Cara'],
      ]);
      expect(reply.draft?.clearance).toEqual([
        expect.objectContaining({
          version: 2,
          submittedBy: 'Cara',
          outcome: 'approved',
          reviews: [
            expect.objectContaining({
              reviewer: 'Pat',
              role: 'policy',
              decision: 'approve',
              comment: 'Matches the policy.',
            }),
            expect.objectContaining({ reviewer: 'Colin', role: 'comms', decision: 'approve' }),
          ],
        }),
      ]);
      // The bundle link works for the person exporting.
      const bundle = await people.mo.download(
        new URL(reply.conversation.bundleUrl).pathname + new URL(reply.conversation.bundleUrl).search,
      );
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get('content-type')).toBe('application/zip');
    });

    it('keeps to the period: a day with no replies gives an empty document', async () => {
      expect((await json('from=2020-01-01&to=2020-01-31')).records).toEqual([]);
    });

    it('writes a CSV of engagements that a spreadsheet opens safely', async () => {
      const response = await text(people.mo, exportPath(`from=${TODAY}&to=${TODAY}&format=csv`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="parley-records-dft-${TODAY}-${TODAY}.csv"`,
      );
      const [header, ...rows] = parseCsv(response.text).map((r) => r.cells);
      expect(header.slice(0, 4)).toEqual(['Record id', 'Posted (UTC)', 'How', 'What']);
      expect(rows).toHaveLength(2);
      const reply = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
      expect(reply).toMatchObject({
        What: 'A reply in the conversation',
        Text: `'=HYPERLINK("http://evil.example") the bus grant opens in May.`,
        'Replied to (author)': 'Priya Shah',
        'Draft versions': '2',
        'Recorded by (email)': 'cara@example.gov.uk',
      });
      expect(reply.Clearance).toMatch(
        /^Version 2 submitted by Cara at .*: approved \(Pat, policy: approve — Matches the policy\.; Colin, comms: approve\)$/,
      );
      expect(reply['FOI case bundle']).toContain(
        `/api/conversations/${cleared.conversationId}/bundle?department=dft`,
      );
    });

    it('writes one self-contained, accessible HTML page with everything escaped', async () => {
      const response = await text(people.mo, exportPath(`from=${TODAY}&to=${TODAY}&format=html`));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = response.text;
      expect(html).toMatch(/^<!doctype html>\n<html lang="en-GB">/);
      expect(html).toContain(`<h1>Engagement records: Department for Transport, ${TODAY} to ${TODAY}</h1>`);
      expect(html.match(/<section aria-labelledby="record-\d+">/g)).toHaveLength(2);
      expect(html).toContain('Can I &lt;b&gt;get&lt;/b&gt; the bus grant?');
      expect(html).not.toMatch(/<script|<link |src=/);
      expect(html).toContain('<th scope="col">Reviews</th>');
      expect(html).toContain('2 records in all.');
      const empty = await text(people.mo, exportPath('from=2020-01-01&to=2020-01-02&format=html'));
      expect(empty.text).toContain('No replies were recorded or published through Parley in this period.');
    });

    it('pages through a long period without losing or repeating a record', async () => {
      // 450 replies on three instants (ties broken by id), older than everything else: more than two pages.
      await parley.db.query(
        `INSERT INTO engagement (conversation_id, department_id, kind, mode, occurred_at, draft)
         SELECT $1, d.id, 'reply', 'transmit', timestamptz '2021-03-01T10:00:00Z' + (n % 3) * interval '1 second',
           'bulk ' || n
         FROM department d, generate_series(1, 450) AS n WHERE d.key = 'dft'`,
        [cleared.conversationId],
      );
      const { records } = await json('from=2021-03-01&to=2021-03-01');
      expect(records).toHaveLength(450);
      expect(new Set(records.map((r) => r.id)).size).toBe(450);
      const order = records.map((r) => `${r.postedAt} ${r.id}`);
      expect(order).toEqual([...order].sort());
    });

    it('is for the department’s managers and admins: another department’s is not found, other roles are refused', async () => {
      expect((await text(people.wes, exportPath(`from=${TODAY}&to=${TODAY}`))).status).toBe(404);
      const viewer = await text(people.vic, exportPath(`from=${TODAY}&to=${TODAY}`));
      expect(viewer.status).toBe(403);
      expect(JSON.parse(viewer.text).message).toBe('Only admins and managers of a department can do this.');
      expect((await text(people.cara, exportPath(`from=${TODAY}&to=${TODAY}`))).status).toBe(403);
      expect((await text(parley.admin, exportPath(`from=${TODAY}&to=${TODAY}&format=html`))).status).toBe(
        200,
      );
    });

    it('answers bad periods and formats with what to fix', async () => {
      const bad = await text(people.mo, exportPath('from=2026-02-30&to=2026-01-01&format=pdf'));
      expect(bad.status).toBe(400);
      const { problems } = JSON.parse(bad.text) as { problems: { path: string; message: string }[] };
      expect(problems).toEqual(
        expect.arrayContaining([
          { path: 'from', message: 'from must be a date such as 2026-12-01' },
          { path: 'format', message: 'format is json, csv or html' },
        ]),
      );
      const backwards = await text(people.mo, exportPath('from=2026-02-01&to=2026-01-01'));
      expect(JSON.parse(backwards.text).problems).toEqual([
        { path: 'to', message: 'to must be on or after from' },
      ]);
    });

    it('audits every export, in the department', async () => {
      const { rows } = await parley.db.query(
        `SELECT a.actor_label AS actor, a.after->>'format' AS format, d.key FROM audit_event a
         JOIN department d ON d.id = a.department_id WHERE a.action = 'records.export' ORDER BY a.id`,
      );
      expect(rows.map((r) => r.format)).toEqual(['json', 'json', 'csv', 'html', 'html', 'json', 'html']);
      expect(new Set(rows.map((r) => r.key))).toEqual(new Set(['dft']));
      expect(rows.at(-1)?.actor).toBe(ADMIN.email);
    });
  });

  describe('the audit chain', () => {
    it('keeps a removed department’s events as they were written', async () => {
      const before = await parley.db.query(
        `SELECT a.id::text, a.department_id FROM audit_event a JOIN department d ON d.id = a.department_id
         WHERE d.key = 'dwp' ORDER BY a.id`,
      );
      expect(before.rows.length).toBeGreaterThan(0);
      const pruned = await parley.admin.request('PUT', '/api/workspace?prune=true', {
        departments: [
          {
            key: 'dft',
            name: 'Department for Transport',
            accounts: [{ platform: 'mastodon', handle: 'dft', site: 'social.example' }],
            rules: [{ key: 'grants', name: 'Grants', query: 'grant' }],
          },
        ],
      });
      expect(pruned.status, JSON.stringify(pruned.body)).toBe(200);
      const after = await parley.db.query(
        `SELECT id::text, department_id FROM audit_event WHERE id = ANY($1)`,
        [before.rows.map((r) => r.id)],
      );
      expect(after.rows).toEqual(before.rows);
    });

    it('holds after the run above and many audited writers at once', async () => {
      // Twelve sign-ins at the same moment: twelve audit writers racing for the chain's head.
      const signIns = await Promise.all(
        Array.from({ length: 12 }, () =>
          new TestApiClient(parley.baseUrl).login('mo@example.gov.uk', PASSWORD),
        ),
      );
      expect(signIns).toEqual(Array(12).fill(200));
      const events = Number((await parley.db.query(`SELECT count(*) FROM audit_event`)).rows[0].count);
      expect(events).toBeGreaterThan(40);
      const verdict = await verifyAuditChain(q, { batch: 7 });
      expect(verdict).toEqual({
        holds: true,
        checked: events,
        headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const head = (verdict as { headHash: string }).headHash;
      expect(describeVerdict(verdict)).toBe(
        `The audit chain holds: ${events} events checked, head hash ${head}. ` +
          `To check it later: parley audit verify --since ${events}:${head}`,
      );
    });

    it('catches a rewrite that recomputed every hash after an edit, against the head hash kept earlier', async () => {
      const kept = (await verifyAuditChain(q)) as { checked: number; headHash: string };
      const since = { seq: kept.checked, hash: kept.headHash };
      await parley.db.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      try {
        await parley.db.query(`UPDATE audit_event SET actor_label = 'someone else' WHERE chain_seq = 5`);
        await parley.db.query(`
          DO $$ DECLARE e audit_event; prev bytea; BEGIN
            SELECT hash INTO prev FROM audit_event WHERE chain_seq = 4;
            FOR e IN SELECT * FROM audit_event WHERE chain_seq >= 5 ORDER BY chain_seq LOOP
              e.prev_hash := prev;
              prev := audit_event_digest(e);
              UPDATE audit_event SET prev_hash = e.prev_hash, hash = prev WHERE id = e.id;
            END LOOP;
            UPDATE audit_chain_head SET hash = prev;
          END $$`);
      } finally {
        await parley.db.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
      }
      // The rewritten chain is consistent in itself…
      expect(await verifyAuditChain(q, { batch: 7 })).toMatchObject({ holds: true });
      // …but not with the head hash kept outside Parley.
      const newest = (
        await parley.db.query(`SELECT id::text FROM audit_event WHERE chain_seq = $1`, [since.seq])
      ).rows[0];
      expect(await verifyAuditChain(q, { batch: 7, since })).toMatchObject({
        holds: false,
        broken: {
          event: { id: newest.id },
          reason: `its hash is not ${since.hash}, the one recorded for it earlier, so the chain up to it was rewritten`,
        },
      });
      await expect(
        auditCommand(['verify', '--since', 'yesterday'], 'usage', (work) => work(q)),
      ).rejects.toThrow('--since takes the "N:HASH" an earlier audit verify printed, not "yesterday"');
    });

    it('refuses to change or delete an audit event', async () => {
      await expect(
        parley.db.query(`UPDATE audit_event SET action = 'x' WHERE chain_seq = 1`),
      ).rejects.toThrow('The audit log is append-only: UPDATE of audit_event is not allowed');
      await expect(parley.db.query(`DELETE FROM audit_event WHERE chain_seq = 1`)).rejects.toThrow(
        'The audit log is append-only: DELETE of audit_event is not allowed',
      );
      await expect(parley.db.query(`TRUNCATE audit_event`)).rejects.toThrow('append-only');
    });

    /** What a superuser with the trigger turned off can do; verification is what catches it. */
    const behindTheTrigger = async (sql: string, params: unknown[]) => {
      await parley.db.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      try {
        await parley.db.query(sql, params);
      } finally {
        await parley.db.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
      }
    };

    it('names the event a hand edit changed, and holds again once it is put back', async () => {
      const { rows } = await parley.db.query(
        `SELECT id::text, at, action, after FROM audit_event WHERE action = 'records.export' ORDER BY chain_seq LIMIT 1`,
      );
      const [edited] = rows;
      await behindTheTrigger(
        `UPDATE audit_event SET after = jsonb_set(after, '{format}', '"csv"') WHERE id = $1`,
        [edited.id],
      );
      const verdict = await verifyAuditChain(q, { batch: 7 });
      expect(verdict).toMatchObject({
        holds: false,
        broken: {
          event: { id: edited.id, at: edited.at, action: 'records.export' },
          reason: 'its content no longer matches its hash (it was changed after it was written)',
        },
      });
      expect(describeVerdict(verdict)).toBe(
        `The audit chain is broken at event ${edited.id} (${edited.at.toISOString()}, records.export): its content ` +
          `no longer matches its hash (it was changed after it was written). ${(verdict as { checked: number }).checked} events before it held.`,
      );

      // The command itself says so and exits non-zero.
      const errors: string[] = [];
      const error = console.error;
      console.error = (line: string) => errors.push(line);
      try {
        await auditCommand(['verify'], 'usage', (work) => work(q));
      } finally {
        console.error = error;
      }
      expect(process.exitCode).toBe(1);
      process.exitCode = 0;
      expect(errors).toEqual([describeVerdict(verdict)]);

      await behindTheTrigger(`UPDATE audit_event SET after = $2 WHERE id = $1`, [edited.id, edited.after]);
      expect(await verifyAuditChain(q)).toMatchObject({ holds: true });
    });

    it('detects the newest event deleted, and holds again once it is put back', async () => {
      const { rows } = await parley.db.query(
        `SELECT to_jsonb(a) AS row, id::text, action FROM audit_event a ORDER BY chain_seq DESC LIMIT 2`,
      );
      const [newest, before] = rows;
      await behindTheTrigger(`DELETE FROM audit_event WHERE id = $1`, [newest.id]);
      expect(await verifyAuditChain(q, { batch: 7 })).toMatchObject({
        holds: false,
        broken: {
          event: { id: before.id, action: before.action },
          reason:
            "1 event after it is missing (the chain's head is event " +
            newest.row.chain_seq +
            ' of the chain)',
        },
      });
      // Put back exactly as it was (the chaining trigger off too, so it keeps its place and hashes).
      await parley.db.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_chain`);
      try {
        await parley.db.query(
          `INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM jsonb_populate_record(NULL::audit_event, $1)`,
          [newest.row],
        );
      } finally {
        await parley.db.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_chain`);
      }
      expect(await verifyAuditChain(q, { batch: 7 })).toMatchObject({ holds: true });
    });

    it('detects an event deleted from the middle, even with the gap closed up', async () => {
      const { rows } = await parley.db.query(
        `SELECT id::text, chain_seq AS seq, action FROM audit_event ORDER BY chain_seq OFFSET 10 LIMIT 2`,
      );
      const [removed, next] = rows;
      await behindTheTrigger(`DELETE FROM audit_event WHERE id = $1`, [removed.id]);
      expect(await verifyAuditChain(q, { batch: 7 })).toMatchObject({
        holds: false,
        checked: 10,
        broken: {
          event: { id: next.id, action: next.action },
          reason: 'the event before it in the chain is missing (deleted)',
        },
      });

      // With the gap closed up (the later events renumbered), the hashes still give it away.
      await parley.db.query(`DROP INDEX audit_event_chain`);
      await behindTheTrigger(`UPDATE audit_event SET chain_seq = chain_seq - 1 WHERE chain_seq > $1`, [
        removed.seq,
      ]);
      await parley.db.query(`UPDATE audit_chain_head SET seq = seq - 1`);
      expect(await verifyAuditChain(q, { batch: 7 })).toMatchObject({
        holds: false,
        broken: {
          event: { id: next.id },
          reason: expect.stringMatching(/^the hash it holds of the event before it does not match/),
        },
      });
    });
  });
});
