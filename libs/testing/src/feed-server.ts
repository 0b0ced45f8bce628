import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A local HTTP server on 127.0.0.1 serving fixtures to the real fetcher; never the internet. */
export const startFixtureServer = async (routes: Record<string, Handler>) => {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hits.push(path);
    const handler = routes[path];
    if (!handler) {
      res.writeHead(404).end('not found');
      return;
    }
    void handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

export type FeedItem = {
  guid: string;
  title: string;
  description: string;
  author?: string;
  pubDate?: Date;
  link?: string;
};

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export const rssFeed = (title: string, items: FeedItem[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${escapeXml(title)}</title><link>https://forum.example.org/</link>
${items
  .map(
    (i) => `<item><guid isPermaLink="false">${escapeXml(i.guid)}</guid><title>${escapeXml(i.title)}</title>
<link>${escapeXml(i.link ?? `https://forum.example.org/t/${i.guid}`)}</link><description>${escapeXml(i.description)}</description>
${i.author ? `<dc:creator>${escapeXml(i.author)}</dc:creator>` : ''}<pubDate>${(i.pubDate ?? new Date()).toUTCString()}</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
