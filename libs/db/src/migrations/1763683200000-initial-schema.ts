import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole domain model of DESIGN.md: workspace, sources, posts and conversations, tagging, people, audit. */
export class InitialSchema1763683200000 implements MigrationInterface {
  name = 'InitialSchema1763683200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        aliases text[] NOT NULL DEFAULT '{}',
        remit text[] NOT NULL DEFAULT '{}',
        response_sla_minutes integer,
        inbox_threshold integer NOT NULL DEFAULT 0 CHECK (inbox_threshold BETWEEN 0 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE department_account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        platform text NOT NULL,
        handle text NOT NULL,
        site text
      )`);
    await q.query(
      `CREATE UNIQUE INDEX department_account_identity ON department_account (platform, lower(handle), coalesce(lower(site), ''))`,
    );
    await q.query(`CREATE INDEX department_account_department ON department_account (department_id)`);
    await q.query(`
      CREATE TABLE department_resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        title text NOT NULL,
        url text NOT NULL,
        text text NOT NULL DEFAULT '',
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', text), 'B')
        ) STORED,
        UNIQUE (department_id, url)
      )`);
    await q.query(`CREATE INDEX department_resource_search ON department_resource USING gin (search_vector)`);

    await q.query(`
      CREATE TABLE source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        name text,
        type text NOT NULL,
        url text NOT NULL,
        interval_ms integer NOT NULL CHECK (interval_ms >= 30000),
        enabled boolean NOT NULL DEFAULT true,
        department_id uuid REFERENCES department(id) ON DELETE SET NULL,
        config jsonb NOT NULL DEFAULT '{}',
        last_fetch_at timestamptz,
        last_success_at timestamptz,
        last_error text,
        last_error_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        etag text,
        last_modified text,
        cursor text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE conversation (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        root_external_id text NOT NULL,
        title text,
        url text,
        post_count integer NOT NULL DEFAULT 0,
        participant_count integer NOT NULL DEFAULT 0,
        started_at timestamptz,
        last_activity_at timestamptz,
        velocity real NOT NULL DEFAULT 0,
        content_version integer NOT NULL DEFAULT 1,
        tagged_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_id, root_external_id)
      )`);
    await q.query(`CREATE INDEX conversation_last_activity ON conversation (last_activity_at DESC)`);
    await q.query(`CREATE INDEX conversation_started ON conversation (started_at)`);
    await q.query(
      `CREATE INDEX conversation_tag_pending ON conversation (source_id) WHERE content_version > tagged_version`,
    );

    await q.query(`
      CREATE TABLE post (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source_id uuid NOT NULL REFERENCES source(id) ON DELETE CASCADE,
        external_id text NOT NULL,
        conversation_id bigint REFERENCES conversation(id) ON DELETE CASCADE,
        kind text NOT NULL DEFAULT 'post',
        platform text NOT NULL,
        url text,
        canonical_url text,
        title text,
        text text NOT NULL DEFAULT '',
        html text,
        language text,
        author_handle text,
        author_name text,
        author_profile_url text,
        author_followers integer,
        published_at timestamptz,
        fetched_at timestamptz NOT NULL DEFAULT now(),
        in_reply_to text,
        like_count integer,
        repost_count integer,
        reply_count integer,
        counters_at timestamptz,
        by_department_id uuid REFERENCES department(id) ON DELETE SET NULL,
        deleted_at timestamptz,
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', text), 'B')
        ) STORED,
        UNIQUE (source_id, external_id)
      )`);
    await q.query(`CREATE INDEX post_search ON post USING gin (search_vector)`);
    await q.query(`CREATE INDEX post_conversation ON post (conversation_id, published_at)`);
    await q.query(`CREATE INDEX post_published ON post (published_at)`);
    await q.query(`CREATE INDEX post_fetched ON post (fetched_at)`);
    await q.query(`CREATE INDEX post_canonical_url ON post (canonical_url) WHERE canonical_url IS NOT NULL`);
    await q.query(`CREATE INDEX post_author ON post (platform, lower(author_handle))`);

    await q.query(`
      CREATE TABLE listening_rule (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        query text NOT NULL,
        purpose text,
        enabled boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (department_id, key)
      )`);
    await q.query(`
      CREATE TABLE listening_rule_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid NOT NULL REFERENCES listening_rule(id) ON DELETE CASCADE,
        version integer NOT NULL,
        name text NOT NULL,
        query_before text,
        query_after text NOT NULL,
        enabled boolean NOT NULL,
        reason text,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (rule_id, version)
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email ON app_user (lower(email))`);
    await q.query(`
      CREATE TABLE membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        department_id uuid REFERENCES department(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'manager', 'comms', 'policy', 'viewer'))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX membership_user_department ON membership (user_id, coalesce(department_id, '00000000-0000-0000-0000-000000000000'))`,
    );
    await q.query(`
      CREATE TABLE user_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ip text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX user_session_expires ON user_session (expires_at)`);
    await q.query(`
      CREATE TABLE api_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        name text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE opportunity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id bigint NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
        route text NOT NULL,
        route_reason text NOT NULL,
        rules jsonb NOT NULL DEFAULT '[]',
        signals jsonb NOT NULL DEFAULT '[]',
        resources jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'new'
          CHECK (status IN ('new', 'assigned', 'drafting', 'in-clearance', 'approved', 'responded', 'declined', 'referred')),
        assignee_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        decline_reason text,
        first_response_at timestamptz,
        first_response_seconds integer,
        tagged_at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (conversation_id, department_id)
      )`);
    await q.query(
      `CREATE INDEX opportunity_inbox_score ON opportunity (department_id, score DESC, conversation_id DESC)`,
    );
    await q.query(`CREATE INDEX opportunity_created ON opportunity (department_id, created_at)`);

    await q.query(`
      CREATE TABLE engagement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        conversation_id bigint NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES department(id) ON DELETE CASCADE,
        post_id bigint REFERENCES post(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('detected', 'reply', 'pointer', 'original')),
        mode text CHECK (mode IN ('transmit', 'receive', 'collaborate')),
        url text,
        occurred_at timestamptz NOT NULL,
        recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        draft text,
        outcome_notes text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX engagement_post ON engagement (department_id, post_id) WHERE post_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX engagement_department_time ON engagement (department_id, occurred_at)`);

    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        actor_label text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        before jsonb,
        after jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_event_at ON audit_event (at)`);
    await q.query(`CREATE INDEX audit_event_entity ON audit_event (entity_type, entity_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_event',
      'engagement',
      'opportunity',
      'api_token',
      'user_session',
      'membership',
      'app_user',
      'listening_rule_version',
      'listening_rule',
      'post',
      'conversation',
      'source',
      'department_resource',
      'department_account',
      'department',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
