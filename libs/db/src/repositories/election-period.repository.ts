import type { Queryable } from '../queryable';

/** Dates as YYYY-MM-DD text: node-postgres would turn a `date` into a Date at local midnight. */
export type ElectionPeriodRow = { id: string; name: string; from: string; to: string };
export type ElectionPeriodFields = Omit<ElectionPeriodRow, 'id'>;

const COLUMNS = `id, name, starts_on::text AS "from", ends_on::text AS "to"`;

/** The workspace's election periods. */
export class ElectionPeriodRepository {
  all(q: Queryable): Promise<ElectionPeriodRow[]> {
    return q.query(`SELECT ${COLUMNS} FROM election_period ORDER BY starts_on, name`);
  }

  async insert(q: Queryable, p: ElectionPeriodFields): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO election_period (name, starts_on, ends_on) VALUES ($1, $2, $3) RETURNING id`,
      [p.name, p.from, p.to],
    );
    return rows[0].id;
  }

  async update(q: Queryable, id: string, p: ElectionPeriodFields): Promise<void> {
    await q.query(
      `UPDATE election_period SET name = $2, starts_on = $3, ends_on = $4, updated_at = now() WHERE id = $1`,
      [id, p.name, p.from, p.to],
    );
  }

  async delete(q: Queryable, id: string): Promise<void> {
    await q.query(`DELETE FROM election_period WHERE id = $1`, [id]);
  }
}
