import type { Queryable } from '../queryable';

export type PeerOrganisationRow = { id: string; name: string; aliases: string[]; handles: string[] };
export type PeerFields = Omit<PeerOrganisationRow, 'id'>;

/** The organisations named in the workspace document that departments are compared with in share of voice. */
export class PeerOrganisationRepository {
  all(q: Queryable): Promise<PeerOrganisationRow[]> {
    return q.query(`SELECT id, name, aliases, handles FROM peer_organisation ORDER BY lower(name)`);
  }

  async insert(q: Queryable, peer: PeerFields): Promise<string> {
    const rows: { id: string }[] = await q.query(
      `INSERT INTO peer_organisation (name, aliases, handles) VALUES ($1, $2, $3) RETURNING id`,
      [peer.name, peer.aliases, peer.handles],
    );
    return rows[0].id;
  }

  async update(q: Queryable, id: string, peer: PeerFields): Promise<void> {
    await q.query(`UPDATE peer_organisation SET name = $2, aliases = $3, handles = $4 WHERE id = $1`, [
      id,
      peer.name,
      peer.aliases,
      peer.handles,
    ]);
  }

  async delete(q: Queryable, id: string): Promise<void> {
    await q.query(`DELETE FROM peer_organisation WHERE id = $1`, [id]);
  }
}
