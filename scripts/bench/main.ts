import { runIngestBench } from './ingest.bench';
import { runTaggingBench } from './tagging.bench';

const BENCHES: Record<string, () => Promise<Record<string, unknown>>> = {
  ingest: runIngestBench,
  tagging: runTaggingBench,
};

/** `npm run bench -- <name>` prints one JSON object of measured figures. Benchmarks are not tests. */
const main = async () => {
  const name = process.argv[2];
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    console.error(`usage: npm run bench -- ${Object.keys(BENCHES).join('|')}`);
    process.exit(2);
  }
  console.log(JSON.stringify(await bench(), null, 2));
  process.exit(0);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
