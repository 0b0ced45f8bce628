import type { Role } from '@parley/domain';
import type { Queryable } from '../queryable';

export type UserRow = {
  id: string;
  email: string;
  name: string;
  passwordHash: string;
  disabledAt: Date | null;
  workspaceAdmin: boolean;
  lastSignInAt: Date | null;
};
export type MembershipRow = { departmentId: string; department: string; role: Role };
/** A user as the people pages list them. */
export type PersonRow = {
  id: string;
  email: string;
  name: string;
  workspaceAdmin: boolean;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
};
export type MemberRow = PersonRow & { role: Role; departmentIds: string[] };
export type UserWithMembershipsRow = PersonRow & { memberships: { department: string; role: Role }[] };
export type ApiTokenRow = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
};

const USER_COLUMNS = `id, email, name, password_hash AS "passwordHash", disabled_at AS "disabledAt",
  workspace_admin AS "workspaceAdmin", last_sign_in_at AS "lastSignInAt"`;
const PERSON_COLUMNS = `u.id, u.email, u.name, u.workspace_admin AS "workspaceAdmin", u.disabled_at AS "disabledAt",
  u.last_sign_in_at AS "lastSignInAt"`;
const TOKEN_COLUMNS = `id, name, created_at AS "createdAt", last_used_at AS "lastUsedAt", revoked_at AS "revokedAt",
  expires_at AS "expiresAt"`;

/** Rows of an UPDATE or DELETE come back from the pg driver as [rows, count]. */
type Changed<T> = [T[], number];

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
    t: { userId: string; name: string; tokenHash: string; expiresAt: Date },
  ): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO api_token (user_id, name, token_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [t.userId, t.name, t.tokenHash, t.expiresAt],
    );
    return rows[0].id;
  }

  /**
   * Finds an unrevoked token and, while it has not expired, marks it used. An expired one is returned too (with
   * `expired`), so the caller can say when it expired rather than just "not valid".
   */
  useApiToken(
    q: Queryable,
    tokenHash: string,
  ): Promise<{ id: string; userId: string; expiresAt: Date; expired: boolean } | undefined> {
    return q
      .query(
        `UPDATE api_token SET last_used_at = CASE WHEN expires_at > now() THEN now() ELSE last_used_at END
         WHERE token_hash = $1 AND revoked_at IS NULL
         RETURNING id, user_id AS "userId", expires_at AS "expiresAt", expires_at <= now() AS expired`,
        [tokenHash],
      )
      .then(
        (result: Changed<{ id: string; userId: string; expiresAt: Date; expired: boolean }>) => result[0][0],
      );
  }

  /** Tokens of the user that still work: neither revoked nor expired. */
  countLiveApiTokens(q: Queryable, userId: string): Promise<number> {
    return q
      .query(
        `SELECT count(*)::int AS n FROM api_token WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
        [userId],
      )
      .then((rows: { n: number }[]) => rows[0].n);
  }

  /** Holds the user's row until the transaction ends, so checks on what they own cannot race each other. */
  async lockUser(q: Queryable, userId: string): Promise<void> {
    await q.query(`SELECT id FROM app_user WHERE id = $1 FOR UPDATE`, [userId]);
  }
  async recordSignIn(q: Queryable, userId: string): Promise<void> {
    await q.query(`UPDATE app_user SET last_sign_in_at = now() WHERE id = $1`, [userId]);
  }

  /** The department's members (or the one member `userId`), each with every department they belong to. */
  membersOf(q: Queryable, departmentId: string, userId: string | null = null): Promise<MemberRow[]> {
    return q.query(
      `SELECT ${PERSON_COLUMNS}, m.role,
         array(SELECT department_id::text FROM membership WHERE user_id = u.id) AS "departmentIds"
       FROM membership m JOIN app_user u ON u.id = m.user_id
       WHERE m.department_id = $1 AND ($2::uuid IS NULL OR u.id = $2::uuid)
       ORDER BY lower(u.name), lower(u.email)`,
      [departmentId, userId],
    );
  }

  allUsersWithMemberships(q: Queryable): Promise<UserWithMembershipsRow[]> {
    return q.query(
      `SELECT ${PERSON_COLUMNS},
         coalesce(json_agg(json_build_object('department', d.key, 'role', m.role) ORDER BY d.key)
           FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
       FROM app_user u LEFT JOIN membership m ON m.user_id = u.id LEFT JOIN department d ON d.id = m.department_id
       GROUP BY u.id ORDER BY lower(u.name), lower(u.email)`,
    );
  }

  async changeRole(q: Queryable, userId: string, departmentId: string, role: Role): Promise<boolean> {
    const [, count]: Changed<unknown> = await q.query(
      `UPDATE membership SET role = $3 WHERE user_id = $1 AND department_id = $2`,
      [userId, departmentId, role],
    );
    return count > 0;
  }

  async deleteMembership(q: Queryable, userId: string, departmentId: string): Promise<boolean> {
    const [, count]: Changed<unknown> = await q.query(
      `DELETE FROM membership WHERE user_id = $1 AND department_id = $2`,
      [userId, departmentId],
    );
    return count > 0;
  }

  /**
   * Locks the rows of the enabled workspace administrators until the transaction ends, so two administrators
   * removing each other at once cannot both see "one other is left".
   */
  lockActiveWorkspaceAdmins(q: Queryable): Promise<{ id: string }[]> {
    return q.query(
      `SELECT id FROM app_user WHERE workspace_admin AND disabled_at IS NULL ORDER BY id FOR UPDATE`,
    );
  }

  async setWorkspaceAdmin(q: Queryable, userId: string, workspaceAdmin: boolean): Promise<void> {
    await q.query(`UPDATE app_user SET workspace_admin = $2, updated_at = now() WHERE id = $1`, [
      userId,
      workspaceAdmin,
    ]);
  }

  async setDisabled(q: Queryable, userId: string, disabled: boolean): Promise<void> {
    await q.query(
      `UPDATE app_user SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END, updated_at = now()
       WHERE id = $1`,
      [userId, disabled],
    );
  }

  async setPasswordHash(q: Queryable, userId: string, passwordHash: string): Promise<void> {
    await q.query(`UPDATE app_user SET password_hash = $2, updated_at = now() WHERE id = $1`, [
      userId,
      passwordHash,
    ]);
  }

  /** Signs a user out everywhere, or everywhere but `keepSessionId`; returns how many sessions ended. */
  async deleteSessionsOf(q: Queryable, userId: string, keepSessionId: string | null = null): Promise<number> {
    const [, count]: Changed<unknown> = await q.query(
      `DELETE FROM user_session WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, keepSessionId],
    );
    return count;
  }

  apiTokensOf(q: Queryable, userId: string): Promise<ApiTokenRow[]> {
    return q.query(`SELECT ${TOKEN_COLUMNS} FROM api_token WHERE user_id = $1 ORDER BY created_at DESC, id`, [
      userId,
    ]);
  }

  /** Revokes one of the user's tokens (keeping the first revocation time); undefined when they have no such token. */
  revokeApiToken(q: Queryable, userId: string, tokenId: string): Promise<ApiTokenRow | undefined> {
    return q
      .query(
        `UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND user_id = $2
         RETURNING ${TOKEN_COLUMNS}`,
        [tokenId, userId],
      )
      .then((result: Changed<ApiTokenRow>) => result[0][0]);
  }

  async revokeApiTokensOf(q: Queryable, userId: string): Promise<number> {
    const [, count]: Changed<unknown> = await q.query(
      `UPDATE api_token SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return count;
  }
}
