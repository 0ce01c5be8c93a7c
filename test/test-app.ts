// buildApp on a fresh, migrated database per test file: PGlite loaded from a cached template, or a
// PostgreSQL database created from a migrated template database when DATABASE_URL is set.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import type { Clock } from '../src/server/clock.ts';
import { type Config, loadConfig } from '../src/server/config.ts';
import { type Database, MIGRATIONS_DIR, openEmbedded, openPostgres } from '../src/server/db/client.ts';

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_DIR, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest('hex').slice(0, 12);
}

const CACHE_DIR = path.resolve('node_modules/.cache/klaster');

async function freshEmbedded(): Promise<Database> {
  const templatePath = path.join(CACHE_DIR, `pglite-template-${migrationsHash()}.tar.gz`);
  if (!fs.existsSync(templatePath)) {
    const template = await openEmbedded();
    await template.migrate();
    const dump = await template.pglite.dumpDataDir('gzip');
    await template.close();
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${templatePath}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(tmp, templatePath); // atomic: parallel test files never read half a template
  }
  return openEmbedded({ loadDataDir: new Blob([fs.readFileSync(templatePath)]) });
}

async function freshPostgres(url: string): Promise<Database> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const templateName = `klaster_tpl_${migrationsHash()}`;
  const name = `klaster_t_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query('select pg_advisory_lock(7701)');
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [templateName]);
    if (!rowCount) {
      await admin.query(`create database ${templateName}`);
      const template = await openPostgres(withDatabase(url, templateName), 1);
      await template.migrate();
      await template.close();
    }
    await admin.query(`create database ${name} template ${templateName}`);
  } finally {
    await admin.query('select pg_advisory_unlock(7701)').catch(() => {});
  }
  const database = await openPostgres(withDatabase(url, name), 5);
  return {
    ...database,
    async close() {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function withDatabase(url: string, name: string) {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export class TestClock implements Clock {
  constructor(private current = new Date('2026-11-26T09:00:00Z')) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export async function createTestApp(options: { clock?: Clock; config?: Partial<Config> } = {}) {
  const url = process.env.DATABASE_URL;
  const database = url ? await freshPostgres(url) : await freshEmbedded();
  const config = {
    ...loadConfig({ DEMO_DATA: 'none', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0' }),
    webDir: undefined,
    ...options.config,
  };
  const app = await buildApp({ config, database, clock: options.clock });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
