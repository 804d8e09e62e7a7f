// npm run audit:verify [-- --file export.jsonl]: recomputes the audit chain from the database (DATABASE_URL /
// DATA_DIR) or from a JSONL export. Exit 0: intact (prints count and head hash); 1: broken (names the first broken
// seq); 2: could not read the events at all.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

import { verifyChain, type ChainVerdict } from '@/lib/audit/chain';
import { verifyDatabaseChain } from '@/lib/audit/read';
import { getDatabaseConfig } from '@/lib/config/env';
import { createDb } from '@/lib/db/connect';

/** One parsed event per non-empty line; a line that is not JSON becomes a value verifyChain rejects at its seq. */
async function* jsonLines(file: string): AsyncGenerator<unknown> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line);
    } catch {
      yield 'not JSON';
    }
  }
}

async function verifyDatabase(): Promise<{ source: string; verdict: ChainVerdict }> {
  const db = createDb(getDatabaseConfig());
  try {
    return { source: `database ${db.location}`, verdict: await verifyDatabaseChain(db) };
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { file: { type: 'string', short: 'f' } } });
  const { source, verdict } = values.file
    ? { source: values.file, verdict: await verifyChain(jsonLines(values.file)) }
    : await verifyDatabase();
  if (verdict.ok) {
    console.log(`audit chain intact (${source}): ${verdict.count} events, head hash ${verdict.headHash}`);
    return 0;
  }
  console.error(
    `audit chain BROKEN (${source}) at seq ${verdict.brokenSeq}: ${verdict.reason}; the ${verdict.count} events before it verify`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`audit:verify could not read the events: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
