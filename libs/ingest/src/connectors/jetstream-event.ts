/** One Jetstream event as sent on the wire (one JSON object per WebSocket message). */
export type JetstreamCommit = {
  operation: 'create' | 'update' | 'delete';
  collection: string;
  rkey: string;
  cid?: string;
  /** The record as the author's repository holds it; absent on deletes. Unvalidated: read with care. */
  record?: Record<string, unknown>;
};

export type JetstreamEvent = {
  did: string;
  /** Microseconds since the epoch at which Jetstream saw the event; the resume cursor. */
  time_us: number;
  kind: 'commit' | 'identity' | 'account' | (string & {});
  commit?: JetstreamCommit;
};

const OPERATIONS = new Set(['create', 'update', 'delete']);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const readCommit = (value: unknown): JetstreamCommit | null => {
  if (!isRecord(value)) return null;
  const { operation, collection, rkey, cid, record } = value;
  if (typeof operation !== 'string' || !OPERATIONS.has(operation)) return null;
  if (typeof collection !== 'string' || typeof rkey !== 'string') return null;
  return {
    operation: operation as JetstreamCommit['operation'],
    collection,
    rkey,
    ...(typeof cid === 'string' ? { cid } : {}),
    ...(isRecord(record) ? { record } : {}),
  };
};

/**
 * Reads one message. Hand-written checks rather than a schema: this runs for every event of the firehose, and
 * only the envelope is checked here; record fields are checked where they are used.
 */
export const parseJetstreamEvent = (message: string): JetstreamEvent | null => {
  let value: unknown;
  try {
    value = JSON.parse(message);
  } catch {
    return null;
  }
  if (!isRecord(value)) return null;
  const { did, time_us: timeUs, kind } = value;
  if (typeof did !== 'string' || typeof timeUs !== 'number' || typeof kind !== 'string') return null;
  if (kind !== 'commit') return { did, time_us: timeUs, kind };
  const commit = readCommit(value.commit);
  return commit ? { did, time_us: timeUs, kind, commit } : null;
};
