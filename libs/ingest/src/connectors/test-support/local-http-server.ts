import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a test route answers; `json` is serialised, `body` sent as is. */
export type Reply = { status?: number; json?: unknown; body?: string; headers?: Record<string, string> };
export type SeenRequest = { method: string; url: URL; headers: IncomingHttpHeaders; body: string };
export type Answer = (request: SeenRequest) => Reply | null;

export type LocalServer = { origin: string; requests: SeenRequest[]; close: () => Promise<void> };

const readBody = async (req: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const send = (res: import('node:http').ServerResponse, reply: Reply | null): void => {
  if (!reply)
    return void res
      .writeHead(404, { 'content-type': 'application/json' })
      .end('{"error":"Record not found"}');
  const json = reply.json !== undefined;
  const headers = {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/plain',
    ...reply.headers,
  };
  res.writeHead(reply.status ?? 200, headers).end(json ? JSON.stringify(reply.json) : (reply.body ?? ''));
};

/**
 * A test HTTP server on 127.0.0.1 (port chosen by the OS) that records every request and answers through
 * `answer`, so connectors run their real fetch path against fixtures instead of the internet.
 */
export const startLocalServer = async (answer: Answer): Promise<LocalServer> => {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const request = {
        method: req.method ?? 'GET',
        url: new URL(req.url ?? '/', 'http://127.0.0.1'),
        headers: req.headers,
        body,
      };
      requests.push(request);
      send(res, answer(request));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { origin: `http://127.0.0.1:${port}`, requests, close };
};
