import { rssFeed } from '@parley/testing';
import type { IncomingMessage, ServerResponse } from 'node:http';

// The repro: 200,000 nested <b> in one item froze the worker's event loop for ~70 s per run.
export const DEEP = `<rss version="2.0"><channel><title>x</title><item><guid>d</guid><title>t</title><description><![CDATA[${'<b>'.repeat(200_000)}x]]></description></item></channel></rss>`;
export const LONG_TITLE = rssFeed('Long title', [
  { guid: 'long', title: 'T'.repeat(9_000_000), description: 'A post whose title is 9 MB long.' },
]);
// 200,000 items in about 6 MB, under the 10 MiB body limit.
export const MANY = `<rss version="2.0"><channel><title>Busy</title>${Array.from(
  { length: 200_000 },
  (_, i) => `<item><guid>m${i}</guid></item>`,
).join('')}</channel></rss>`;
export const NORMAL = rssFeed('Normal', [
  { guid: 'n1', title: 'Student loan repayments', description: 'How do I repay my student loan?' },
]);

export const serveFeed = (body: string) => (_req: IncomingMessage, res: ServerResponse) =>
  void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
