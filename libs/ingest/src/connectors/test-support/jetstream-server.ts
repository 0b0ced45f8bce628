import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';

export type WireEvent = { line: string; timeUs: number; kind: string; collection: string | null };

/** A file of Jetstream events as sent on the wire, one a line, in time_us order as Jetstream replays them. */
export const readWireEvents = (path: string): WireEvent[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const event = JSON.parse(line) as { time_us: number; kind: string; commit?: { collection: string } };
      return { line, timeUs: event.time_us, kind: event.kind, collection: event.commit?.collection ?? null };
    })
    .sort((a, b) => a.timeUs - b.timeUs);

/**
 * The project's own 22 events (fixtures/jetstream/events.jsonl), in the same wire format and order: a thread
 * of a post and two replies, likes and reposts, a post created then deleted, a post without `langs`, a post in
 * Welsh, follows, a block, a profile update, another app's record, identity and account events.
 */
export const loadJetstreamFixture = (): WireEvent[] =>
  readWireEvents(resolve(__dirname, '../fixtures/jetstream/events.jsonl'));

export type JetstreamReplay = {
  url: string;
  /** The query of every connection, in order. */
  connections: URLSearchParams[];
  close: () => Promise<void>;
};

// Jetstream filters commits by collection and always sends identity and account events.
const wanted = (event: WireEvent, collections: string[]): boolean =>
  event.collection === null || collections.length === 0 || collections.includes(event.collection);

const replay = (socket: WebSocket, events: WireEvent[], query: URLSearchParams, dropAfter: number | null) => {
  const cursor = Number(query.get('cursor') ?? 0);
  const collections = query.getAll('wantedCollections');
  const selected = events.filter((event) => event.timeUs > cursor && wanted(event, collections));
  const sent = dropAfter === null ? selected : selected.slice(0, dropAfter);
  for (const event of sent) socket.send(event.line);
  if (dropAfter !== null) socket.terminate();
};

/**
 * A local Jetstream on 127.0.0.1 that replays `events` after the requested cursor, honouring
 * wantedCollections. `dropFirstAfter` cuts the first connection after that many events, as a server restart would.
 */
export const startJetstreamReplay = async (
  events: WireEvent[],
  dropFirstAfter: number | null = null,
): Promise<JetstreamReplay> => {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolveListening) => server.once('listening', resolveListening));
  const connections: URLSearchParams[] = [];
  server.on('connection', (socket, request) => {
    const query = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams;
    connections.push(query);
    replay(socket, events, query, connections.length === 1 ? dropFirstAfter : null);
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolveClosed) => {
      for (const client of server.clients) client.terminate();
      server.close(() => resolveClosed());
    });
  return { url: `ws://127.0.0.1:${port}/subscribe`, connections, close };
};
