// npm run db:migrate: applies pending migrations to the database of DATABASE_URL / DATA_DIR, as the server does at
// start, for operators who migrate before rolling out. Refuses a database migrated by a newer version.
import { getDatabaseConfig } from '@/lib/config/env';
import { createDb } from '@/lib/db/connect';
import { migrateToLatest } from '@/lib/db/migrate';

async function main(): Promise<void> {
  const db = createDb(getDatabaseConfig());
  try {
    const { applied } = await migrateToLatest(db);
    console.log(
      applied.length > 0
        ? `database ${db.location}: applied ${applied.join(', ')}`
        : `database ${db.location}: up to date`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  if (error instanceof Error && error.cause instanceof Error) console.error(`  cause: ${error.cause.message}`);
  process.exit(1);
});
