import type { CreateTokenResponse, User } from '@parley/contracts';
import { TestApiClient } from '@parley/testing';
import type { Client } from 'pg';
import { expect } from 'vitest';

/** A person with a token, made through the api as an administrator would. */
export const makePerson = async (
  admin: TestApiClient,
  baseUrl: string,
  key: string,
  memberships: { department: string; role: string }[],
): Promise<{ user: User; client: TestApiClient; token: string }> => {
  const password = `${key}-long-password`;
  const created = await admin.request('POST', '/api/users', {
    email: `${key}@example.gov.uk`,
    name: `Person ${key}`,
    password,
    memberships,
  });
  expect(created.status).toBe(201);
  const session = new TestApiClient(baseUrl);
  expect(await session.login(`${key}@example.gov.uk`, password)).toBe(200);
  const token = (await session.request('POST', '/api/auth/tokens', { name: 'alerts test' }))
    .body as CreateTokenResponse;
  return { user: created.body as User, client: new TestApiClient(baseUrl, token.token), token: token.token };
};

export type AlertFixture = {
  kind?: 'spike' | 'partner' | 'sentiment';
  label?: string;
  severity?: number;
  startedAt?: Date;
  observed?: number;
  expected?: number;
  terms?: string[];
  conversationIds?: string[];
  status?: 'open' | 'acknowledged' | 'closed';
};

/**
 * An alert row as the detectors store one (the contract's measure, explanation and series), written with plain SQL:
 * the detectors are another module's, and these tests are about what happens once an alert exists. Each gets a
 * scope of its own, so any number can be open at once.
 */
export const insertAlert = async (db: Client, department: string, f: AlertFixture = {}): Promise<string> => {
  const startedAt = f.startedAt ?? new Date(Date.now() - 3_600_000);
  const observed = f.observed ?? 40;
  const expected = f.expected ?? 10;
  const measure = {
    window: 'day',
    observed,
    expected,
    threshold: expected * 2,
    spread: expected / 2,
    n: observed * 24,
    baselineN: expected * 168,
    unit: 'mentions per hour',
  };
  const terms = f.terms ?? ['boycott', 'protest'];
  const explanation = {
    summary: `Mentions rose to ${observed} an hour, ${observed / expected} times the usual.`,
    terms: terms.map((term, i) => ({ term, count: 30 - i, baselineCount: 1 })),
    hashtags: [{ tag: 'boycottnow', count: 12 }],
    sources: [{ name: 'Forum', platform: 'web', posts: 20 }],
    posts: (f.conversationIds ?? []).map((conversationId, i) => ({
      id: String(i + 1),
      conversationId,
      url: null,
      author: 'Sam',
      excerpt: 'We should boycott them',
      publishedAt: startedAt.toISOString(),
      replies: 3,
      shares: 10,
    })),
    newParticipantsShare: 0.6,
    partners: f.kind === 'partner' ? [f.label ?? 'Partner'] : [],
    expectedEvent: null,
    classifierAccuracy: null,
  };
  const series = {
    unit: 'mentions per hour',
    points: [0, 1, 2].map((h) => ({
      at: new Date(startedAt.getTime() + h * 3_600_000).toISOString(),
      observed: observed - h,
      expected,
      low: expected / 2,
      high: expected * 2,
    })),
  };
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO alert (department_id, kind, scope_type, scope_id, scope_label, severity, started_at, last_seen_at,
       measure, explanation, series, status, closed_at)
     SELECT d.id, $2, 'rule', gen_random_uuid(), $3, $4, $5, $5::timestamptz + interval '30 minutes', $6, $7, $8, $9,
       CASE WHEN $9 = 'closed' THEN now() END
     FROM department d WHERE d.key = $1 RETURNING id::text`,
    [
      department,
      f.kind ?? 'spike',
      f.label ?? 'Ferries',
      f.severity ?? 3,
      startedAt,
      JSON.stringify(measure),
      JSON.stringify(explanation),
      JSON.stringify(series),
      f.status ?? 'open',
    ],
  );
  return rows[0].id;
};
