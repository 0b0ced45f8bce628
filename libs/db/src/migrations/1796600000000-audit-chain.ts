import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log becomes append-only and tamper-evident. Each event carries its place in the chain (`chain_seq`),
 * the previous event's hash and a SHA-256 of its own canonical content with that previous hash, so changing or
 * removing any event breaks every link after it (`parley audit verify` walks the chain).
 *
 * - The chain is made by a BEFORE INSERT trigger, so every insert is chained, whoever writes it. The trigger locks
 *   the one-row `audit_chain_head` FOR UPDATE: audit-writing transactions take turns from their audit insert to
 *   their commit, so the chain follows commit order and a rolled-back event never becomes anyone's predecessor.
 *   `chain_seq` (not the identity id, handed out before the lock is taken) is that order.
 * - The canonical content is a JSON array of the columns in a fixed order; jsonb prints the same value the same way
 *   whatever the session's settings, and the time goes in as epoch seconds so the time zone does not matter.
 * - UPDATE, DELETE and TRUNCATE are refused by triggers. The two foreign keys that would null a column when a person
 *   or a department is deleted (an UPDATE) go: an event keeps naming who acted and which department it was, as it
 *   did when it was written, after they are gone (readers already LEFT JOIN, so a deleted one reads as no name).
 * - Events already recorded are chained here, in id order.
 */
export class AuditChain1796600000000 implements MigrationInterface {
  name = 'AuditChain1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT IF EXISTS audit_event_actor_user_id_fkey`);
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT IF EXISTS audit_event_department_id_fkey`);
    await q.query(
      `ALTER TABLE audit_event ADD COLUMN chain_seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea`,
    );
    await q.query(`
      CREATE FUNCTION audit_event_digest(e audit_event) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
        SELECT sha256(convert_to(coalesce(encode(e.prev_hash, 'hex'), '') || jsonb_build_array(
          e.chain_seq, e.id, extract(epoch FROM e.at), e.actor_user_id, e.actor_label, e.action, e.entity_type,
          e.entity_id, e.before, e.after, e.department_id)::text, 'UTF8'))
      $$`);
    await q.query(`
      CREATE TABLE audit_chain_head (
        one boolean PRIMARY KEY DEFAULT true CHECK (one),
        seq bigint NOT NULL,
        hash bytea
      )`);
    await q.query(`
      DO $$
      DECLARE
        e audit_event;
        n bigint := 0;
        prev bytea;
      BEGIN
        FOR e IN SELECT * FROM audit_event ORDER BY id LOOP
          n := n + 1;
          e.chain_seq := n;
          e.prev_hash := prev;
          prev := audit_event_digest(e);
          UPDATE audit_event SET chain_seq = n, prev_hash = e.prev_hash, hash = prev WHERE id = e.id;
        END LOOP;
        INSERT INTO audit_chain_head (seq, hash) VALUES (n, prev);
      END $$`);
    await q.query(
      `ALTER TABLE audit_event ALTER COLUMN chain_seq SET NOT NULL, ALTER COLUMN hash SET NOT NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX audit_event_chain ON audit_event (chain_seq)`);
    await q.query(`
      CREATE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        head audit_chain_head;
      BEGIN
        SELECT * INTO STRICT head FROM audit_chain_head FOR UPDATE;
        NEW.chain_seq := head.seq + 1;
        NEW.prev_hash := head.hash;
        NEW.hash := audit_event_digest(NEW);
        UPDATE audit_chain_head SET seq = NEW.chain_seq, hash = NEW.hash;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_chain()`);
    await q.query(`
      CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'The audit log is append-only: % of audit_event is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await q.query(`DROP TRIGGER audit_event_append_only ON audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change()`);
    await q.query(`DROP TRIGGER audit_event_chain ON audit_event`);
    await q.query(`DROP FUNCTION audit_event_chain()`);
    await q.query(`DROP TABLE audit_chain_head`);
    await q.query(`DROP FUNCTION audit_event_digest(audit_event)`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN chain_seq, DROP COLUMN prev_hash, DROP COLUMN hash`);
    await q.query(`UPDATE audit_event a SET actor_user_id = NULL
      WHERE actor_user_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id = a.actor_user_id)`);
    await q.query(`UPDATE audit_event a SET department_id = NULL
      WHERE department_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM department d WHERE d.id = a.department_id)`);
    await q.query(`ALTER TABLE audit_event
      ADD CONSTRAINT audit_event_actor_user_id_fkey FOREIGN KEY (actor_user_id) REFERENCES app_user(id) ON DELETE SET NULL,
      ADD CONSTRAINT audit_event_department_id_fkey FOREIGN KEY (department_id) REFERENCES department(id) ON DELETE SET NULL`);
  }
}
