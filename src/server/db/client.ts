// One Drizzle type over two drivers: embedded PGlite (default) or PostgreSQL when DATABASE_URL is set.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';

export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
export type Tx = PgTransaction<
  PgQueryResultHKT,
  Record<string, never>,
  ExtractTablesWithRelations<Record<string, never>>
>;
/** A repository works inside or outside a transaction alike. */
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'embedded' | 'postgres';

export interface Database {
  db: Db;
  kind: DatabaseKind;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  process.env.KLASTER_MIGRATIONS_DIR ?? 'migrations',
);

export async function openEmbedded(
  options: { dataDir?: string; loadDataDir?: Blob } = {},
): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(pglite) as unknown as Db;
  return {
    db,
    pglite,
    kind: 'embedded',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => pglite.close(),
  };
}

export async function openPostgres(url: string, poolSize = 10): Promise<Database & { pool: pg.Pool }> {
  // int8 (bigint) as string, never as a float; count(*) is cast to int in queries
  pg.types.setTypeParser(20, (v) => v);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // an idle connection closed by the server (restart, failover) must not crash the process; the pool reconnects
  pool.on('error', (error) => console.warn(`PostgreSQL idle connection lost: ${error.message}`));
  await pool.query('select 1');
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    pool,
    kind: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: () => pool.end(),
  };
}
