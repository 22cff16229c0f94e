import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/client.js';
import type { Deps } from '../src/lib/deps.js';
import { importOnce, oneFileStore } from './calls-import.js';

/**
 * The PostgreSQL pass of bench/calls-import.ts in a process of its own, as a job worker runs it:
 * its RSS is the import's (the parent's generation, migrations and embedded server are not in it).
 * Input in BENCH_CALLS_CHILD (JSON: url, userId, file, size); prints the result as JSON.
 */
const input = JSON.parse(process.env.BENCH_CALLS_CHILD ?? '{}') as {
  url: string;
  userId: string;
  file: string;
  size: number;
};
const database = await openDatabase({ kind: 'postgres', url: input.url, poolSize: 4 });
try {
  const deps = {
    config: loadConfig({ NODE_ENV: 'test' }),
    database,
    files: oneFileStore(input.file),
  } as unknown as Deps;
  const result = await importOnce(deps, input.userId, input.size);
  process.stdout.write(`${JSON.stringify({ ...result, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
} finally {
  await database.close();
}
