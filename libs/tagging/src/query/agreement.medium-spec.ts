import { randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fuzzText,
  randomDocument,
  randomQuery,
  seededRandom,
  SOURCE_KEYS,
  type Random,
} from './agreement.fixtures';
import type { MatchableDocument, PreparedDocument } from './document';
import { TRICKY_CASES } from './tricky-cases.fixtures';
import {
  compileMatcher,
  documentKeys,
  requiredTerms,
  compileToSql,
  parseQuery,
  prepareDocument,
  QueryError,
  type QueryNode,
} from './index';

/**
 * The in-process matcher and the SQL compilation must select the same posts. Random posts and rules
 * (seeded: set QUERY_PROPERTY_SEED to replay) are run through both against a scratch database whose
 * `post` table has the real table's columns and the same generated search_vector.
 */
const SEED = Number(process.env.QUERY_PROPERTY_SEED ?? 20251121);
// QUERY_PROPERTY_SCALE multiplies the counts for a longer hunt (e.g. 10 before changing the parser port).
const SCALE = Number(process.env.QUERY_PROPERTY_SCALE ?? 1);
const DOCUMENTS = 300 * SCALE;
const FUZZ_DOCUMENTS = 200 * SCALE;
const RULES = 300 * SCALE;

const adminUrl = (): string => {
  const url = new URL(
    process.env.TEST_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  url.pathname = '/postgres';
  return url.toString();
};

const databaseUrl = (name: string): string => {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

const withAdmin = async (work: (c: Client) => Promise<unknown>): Promise<void> => {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
};

const SCHEMA = `
  CREATE TABLE source (id serial PRIMARY KEY, key text NOT NULL UNIQUE);
  CREATE TABLE post (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source_id integer NOT NULL REFERENCES source(id),
    platform text NOT NULL,
    url text,
    title text,
    text text NOT NULL DEFAULT '',
    language text,
    author_handle text,
    author_name text,
    search_vector tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
    ) STORED
  )`;

type StoredDocument = { id: number; doc: MatchableDocument; prepared: PreparedDocument };

const insertDocuments = async (db: Client, docs: MatchableDocument[]): Promise<StoredDocument[]> => {
  const stored: StoredDocument[] = [];
  for (const doc of docs) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO post (source_id, platform, url, title, text, language, author_handle, author_name)
       SELECT s.id, $2, $3, $4, $5, $6, $7, $8 FROM source s WHERE s.key = $1 RETURNING id`,
      [
        doc.source,
        doc.platform,
        doc.url,
        doc.title,
        doc.text,
        doc.language,
        doc.authorHandle,
        doc.authorName,
      ],
    );
    stored.push({ id: Number(rows[0].id), doc, prepared: prepareDocument(doc) });
  }
  return stored;
};

const sqlMatches = async (db: Client, ast: QueryNode, ids: number[]): Promise<Set<number>> => {
  const { sql, params } = compileToSql(ast, { firstParameter: 2 });
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM post p JOIN source s ON s.id = p.source_id WHERE p.id = ANY($1) AND ${sql}`,
    [ids, ...params],
  );
  return new Set(rows.map((r) => Number(r.id)));
};

const vectorOf = async (db: Client, id: number) => {
  const { rows } = await db.query<{ lexeme: string; positions: number[]; weights: string[] }>(
    `SELECT lexeme, positions, weights FROM post, unnest(search_vector) WHERE id = $1 ORDER BY lexeme`,
    [id],
  );
  return Object.fromEntries(rows.map((r) => [r.lexeme, r.positions.map((p, i) => `${p}${r.weights[i]}`)]));
};

const preparedVector = (prepared: PreparedDocument) =>
  Object.fromEntries(
    [...prepared.postings].map(([lexeme, { all, title }]) => [
      lexeme,
      all.map((p, i) => `${p}${i < title.length ? 'A' : 'B'}`),
    ]),
  );

const randomRules = (r: Random, count: number): { query: string; ast: QueryNode }[] => {
  const rules: { query: string; ast: QueryNode }[] = [];
  while (rules.length < count) {
    const query = randomQuery(r);
    try {
      rules.push({ query, ast: parseQuery(query) });
    } catch (error) {
      if (!(error instanceof QueryError)) throw error;
    }
  }
  return rules;
};

/** The percolator's promise: every post a rule matches offers at least one of the rule's required keys. */
const expectAnchored = (ast: QueryNode, matched: StoredDocument[]): void => {
  const keys = requiredTerms(ast);
  if (keys === null) return;
  for (const { prepared } of matched) {
    const offered = documentKeys(prepared);
    expect([...keys].some((k) => offered.has(k))).toBe(true);
  }
};

describe('the matcher and the SQL compilation agree', () => {
  const name = `parley_query_${randomBytes(6).toString('hex')}`;
  const db = new Client({ connectionString: databaseUrl(name) });
  const random = seededRandom(SEED);
  let stored: StoredDocument[] = [];
  let tricky: StoredDocument[] = [];

  beforeAll(async () => {
    await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
    await db.connect();
    await db.query(SCHEMA);
    await db.query(`INSERT INTO source (key) SELECT unnest($1::text[])`, [SOURCE_KEYS]);
    const docs = Array.from({ length: DOCUMENTS }, () => randomDocument(random));
    const fuzz = Array.from({ length: FUZZ_DOCUMENTS }, () => ({
      ...randomDocument(random),
      title: random.chance(0.5) ? fuzzText(random) : null,
      text: fuzzText(random),
    }));
    stored = await insertDocuments(db, [...docs, ...fuzz]);
    tricky = await insertDocuments(
      db,
      TRICKY_CASES.map((c) => c.doc),
    );
  });

  afterAll(async () => {
    await db.end();
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  });

  it(
    'prepares each post into exactly the lexemes, positions and weights of its search_vector',
    async () => {
      for (const { id, doc, prepared } of stored) {
        const expected = await vectorOf(db, id);
        if (!isDeepStrictEqual(preparedVector(prepared), expected)) {
          console.log('search_vector differs for', JSON.stringify({ title: doc.title, text: doc.text }));
        }
        expect(preparedVector(prepared)).toEqual(expected);
      }
    },
    60_000 * SCALE,
  );

  it(
    `selects the same posts for ${RULES} random rules (seed ${SEED})`,
    async () => {
      const ids = stored.map((s) => s.id);
      let agreed = 0;
      let matchedSomething = 0;
      for (const { query, ast } of randomRules(random, RULES)) {
        const matcher = compileMatcher(ast);
        const inProcess = new Set(stored.filter((s) => matcher.matches(s.prepared)).map((s) => s.id));
        const inSql = await sqlMatches(db, ast, ids);
        if (inSql.size > 0) matchedSomething++;
        expectAnchored(
          ast,
          stored.filter((s) => inProcess.has(s.id)),
        );
        const differing = stored.find((s) => inProcess.has(s.id) !== inSql.has(s.id));
        if (differing) {
          const { sql, params } = compileToSql(ast);
          console.log('DISAGREEMENT', {
            query,
            sql,
            params,
            document: differing.doc,
            matcher: inProcess.has(differing.id),
          });
        }
        expect([...inProcess].sort((a, b) => a - b)).toEqual([...inSql].sort((a, b) => a - b));
        agreed++;
      }
      console.log(`${agreed} random rules agree; ${matchedSomething} of them matched at least one post`);
      expect(matchedSomething).toBeGreaterThan(RULES / 3);
    },
    60_000 * SCALE,
  );

  it.each(TRICKY_CASES.map((c, i) => ({ ...c, i })))('$why: $query', async ({ query, matches, i }) => {
    const ast = parseQuery(query);
    const { id, prepared } = tricky[i];
    expect(compileMatcher(ast).matches(prepared)).toBe(matches);
    expect((await sqlMatches(db, ast, [id])).has(id)).toBe(matches);
  });
});
