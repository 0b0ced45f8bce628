import type { Role } from '@parley/domain';
import type { Queryable } from '../queryable';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  disabledAt: Date | null;
  workspaceAdmin: boolean;
};
export type MembershipRow = { departmentId: string; department: string; role: Role };

const USER_COLUMNS = `id, email, name, password_hash AS "passwordHash", disabled_at AS "disabledAt",
  workspace_admin AS "workspaceAdmin"`;

/** People, their memberships of departments, sessions and API tokens. */
export class UserRepository {
  countUsers(q: Queryable): Promise<number> {
    return q.query(`SELECT count(*)::int AS n FROM app_user`).then((rows: { n: number }[]) => rows[0].n);
  }

  findByEmail(q: Queryable, email: string): Promise<UserRow | undefined> {
    return q
      .query(`SELECT ${USER_COLUMNS} FROM app_user WHERE lower(email) = lower($1)`, [email])
      .then((rows: UserRow[]) => rows[0]);
  }

  findById(q: Queryable, id: string): Promise<UserRow | undefined> {
    return q
      .query(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = $1`, [id])
      .then((rows: UserRow[]) => rows[0]);
  }

  async insertUser(
    q: Queryable,
    u: { email: string; name: string; passwordHash: string; workspaceAdmin: boolean },
  ): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO app_user (email, name, password_hash, workspace_admin) VALUES ($1, $2, $3, $4) RETURNING id`,
      [u.email, u.name, u.passwordHash, u.workspaceAdmin],
    );
    return rows[0].id;
  }

  async insertMemberships(
    q: Queryable,
    userId: string,
    memberships: { departmentId: string; role: Role }[],
  ): Promise<void> {
    await q.query(
      `INSERT INTO membership (user_id, department_id, role)
       SELECT $1, m."departmentId", m.role FROM jsonb_to_recordset($2::jsonb) AS m("departmentId" uuid, role text)`,
      [userId, JSON.stringify(memberships)],
    );
  }

  membershipsOf(q: Queryable, userId: string): Promise<MembershipRow[]> {
    return q.query(
      `SELECT m.department_id AS "departmentId", d.key AS department, m.role
       FROM membership m JOIN department d ON d.id = m.department_id WHERE m.user_id = $1 ORDER BY department`,
      [userId],
    );
  }

  async insertSession(
    q: Queryable,
    s: {
      userId: string;
      tokenHash: string;
      csrfToken: string;
      expiresAt: Date;
      ip: string | null;
      userAgent: string | null;
    },
  ): Promise<void> {
    await q.query(
      `INSERT INTO user_session (user_id, token_hash, csrf_token, expires_at, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $6)`,
      [s.userId, s.tokenHash, s.csrfToken, s.expiresAt, s.ip, s.userAgent],
    );
  }

  /** Finds a live session and slides its expiry forward in the same statement. */
  touchSession(
    q: Queryable,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<{ id: string; userId: string; csrfToken: string } | undefined> {
    return q
      .query(
        `UPDATE user_session SET last_seen_at = now(), expires_at = $2 WHERE token_hash = $1 AND expires_at > now()
         RETURNING id, user_id AS "userId", csrf_token AS "csrfToken"`,
        [tokenHash, expiresAt],
      )
      .then((result: [{ id: string; userId: string; csrfToken: string }[], number]) => result[0][0]);
  }

  async deleteSession(q: Queryable, id: string): Promise<void> {
    await q.query(`DELETE FROM user_session WHERE id = $1`, [id]);
  }

  async insertApiToken(
    q: Queryable,
    t: { userId: string; name: string; tokenHash: string },
  ): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO api_token (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id`,
      [t.userId, t.name, t.tokenHash],
    );
    return rows[0].id;
  }

  useApiToken(q: Queryable, tokenHash: string): Promise<{ id: string; userId: string } | undefined> {
    return q
      .query(
        `UPDATE api_token SET last_used_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING id, user_id AS "userId"`,
        [tokenHash],
      )
      .then((result: [{ id: string; userId: string }[], number]) => result[0][0]);
  }
}
