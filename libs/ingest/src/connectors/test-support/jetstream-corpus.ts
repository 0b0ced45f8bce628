import { sharedCorpus } from '@parley/testing';
import { resolve } from 'node:path';
import { readWireEvents, type WireEvent } from './jetstream-server';

/** The captured firehose in ../shared/corpora/jetstream. */
export const JETSTREAM_CORPUS = sharedCorpus('jetstream');

/** A corpus file's events, in time_us order. */
export const loadJetstreamEvents = (file: string): WireEvent[] =>
  readWireEvents(resolve(JETSTREAM_CORPUS.dir, file));
