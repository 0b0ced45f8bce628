import { describe, expect, expectTypeOf, it } from 'vitest';
import type { JobNameOf } from './queues';
import type { QueueHandlers } from './worker';

const done = async (): Promise<void> => undefined;

// These are checked by `npm run typecheck`: each `@ts-expect-error` fails the build if its line compiles.
describe('QueueHandlers', () => {
  it('names the jobs of each queue', () => {
    expectTypeOf<JobNameOf<'ingest'>>().toEqualTypeOf<'FetchSource' | 'SyncSchedules'>();
    expectTypeOf<JobNameOf<'tag'>>().toEqualTypeOf<'TagPending' | 'BackfillTags'>();
  });

  it('needs a handler for every job of the queue and no other', () => {
    const complete: QueueHandlers<'ingest'> = { FetchSource: done, SyncSchedules: done };
    // @ts-expect-error SyncSchedules has no handler
    const missing: QueueHandlers<'ingest'> = { FetchSource: done };
    const foreign: QueueHandlers<'ingest'> = {
      FetchSource: done,
      SyncSchedules: done,
      // @ts-expect-error TagPending is a job of the tag queue
      TagPending: done,
    };
    expect(Object.keys(complete)).toEqual(['FetchSource', 'SyncSchedules']);
    expect(Object.keys(missing)).toEqual(['FetchSource']);
    expect(Object.keys(foreign)).toHaveLength(3);
  });

  it("gives each handler its own job's payload", () => {
    const handlers: QueueHandlers<'tag'> = {
      TagPending: async (job) => job.data.slot,
      // @ts-expect-error a BackfillTags payload has no sourceId
      BackfillTags: async (job) => job.data.sourceId,
    };
    expect(Object.keys(handlers)).toEqual(['TagPending', 'BackfillTags']);
  });
});
