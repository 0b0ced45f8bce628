import { runAlertsBench } from './alerts.bench';
import { runDashboardBench } from './dashboard.bench';
import { runIngestBench } from './ingest.bench';
import { runMentionsBench } from './mentions.bench';
import { runSentimentBench } from './sentiment.bench';
import { runTaggingBench } from './tagging.bench';

const BENCHES: Record<string, (args: string[]) => Promise<Record<string, unknown>>> = {
  alerts: runAlertsBench,
  dashboard: runDashboardBench,
  ingest: runIngestBench,
  mentions: runMentionsBench,
  sentiment: runSentimentBench,
  tagging: runTaggingBench,
};

/**
 * `npm run bench -- <name> [options]` prints one JSON object of measured figures (`ingest --store-only` leaves
 * tagging out). Benchmarks are not tests.
 */
const main = async () => {
  const [name, ...args] = process.argv.slice(2);
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    console.error(
      `usage: npm run bench -- ${Object.keys(BENCHES).join('|')} (ingest also takes --store-only, mentions and dashboard --posts N, alerts --rate N --seconds S)`,
    );
    process.exit(2);
  }
  console.log(JSON.stringify(await bench(args), null, 2));
  process.exit(0);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
