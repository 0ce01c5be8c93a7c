// Start-up: config → database (lock, migrate, seed if empty) → listen.
import path from 'node:path';
import { buildApp } from './app.ts';
import { systemClock } from './clock.ts';
import { ConfigError, loadConfig } from './config.ts';
import { type Database, openEmbedded, openPostgres } from './db/client.ts';
import { DataDirInUseError, lockDataDir } from './db/data-dir-lock.ts';
import { DEMO_ACCOUNTS, ensureAdmin, seedIfEmpty } from './demo/seed.ts';
import { startDailyDigests } from './jobs/digests.ts';
import { startKpiRefresh } from './jobs/kpi-refresh.ts';
import { startMaintenance } from './jobs/maintenance.ts';
import { createOutboxMailer, smtpTransport } from './jobs/outbox-mailer.ts';
import { startRequestDeadlines } from './jobs/request-deadlines.ts';
import { createWebhookDeliverer } from './jobs/webhook-deliveries.ts';

async function main() {
  const config = loadConfig();
  const started = Date.now();
  let database: Database;
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl);
  } else {
    lockDataDir(config.dataDir);
    console.log(`Встроенная база данных: ${path.join(config.dataDir, 'pg')}`);
    database = await openEmbedded({ dataDir: path.join(config.dataDir, 'pg') });
  }
  await database.migrate();
  const seeded = await seedIfEmpty(database.db, config.demoData, systemClock, (line) => console.log(line));
  if (config.adminEmail && config.adminPassword) {
    await ensureAdmin(database.db, config.adminEmail, config.adminPassword);
  }

  // the built web app (npm run build); npm start builds it when missing
  const webDir = config.webDir ?? path.resolve('dist/web');
  const app = await buildApp({ config: { ...config, webDir }, database });
  const address = await app.listen({ port: config.port, host: config.host });
  const stopMailer = config.smtpUrl
    ? createOutboxMailer({
        db: database.db,
        clock: systemClock,
        transport: smtpTransport(config.smtpUrl),
        from: config.mailFrom,
      }).start(5000, (error) => app.log.error({ err: error }, 'outbox mailer round failed'))
    : undefined;
  const stopWebhooks = createWebhookDeliverer({
    db: database.db,
    clock: systemClock,
    allowPrivate: config.webhooksAllowPrivate,
  }).start(5000, (error) => app.log.error({ err: error }, 'webhook delivery round failed'));
  const stopMaintenance = startMaintenance(database.db, systemClock, (error) =>
    app.log.error({ err: error }, 'maintenance failed'),
  );
  const stopRequestDeadlines = startRequestDeadlines(
    database.db,
    systemClock,
    (error) => app.log.error({ err: error }, 'closing requests past their deadline failed'),
    () => app.services.requests.forgetCachedLists(),
  );
  const stopDigests = startDailyDigests(database.db, systemClock, (error) =>
    app.log.error({ err: error }, 'sending the daily notification digests failed'),
  );
  const stopKpiRefresh = startKpiRefresh(app.services.analytics, (error) =>
    app.log.error({ err: error }, 'refreshing the ecosystem figures failed'),
  );

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopMailer?.();
    stopWebhooks();
    stopMaintenance();
    stopRequestDeadlines();
    stopKpiRefresh();
    stopDigests();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const shown = address.replace('127.0.0.1', 'localhost');
  console.log(
    `\nКластер работает: ${shown}  (${((Date.now() - started) / 1000).toFixed(1)} с, база: ${database.kind})`,
  );
  console.log(`API: ${shown}/api/docs`);
  if (seeded || config.demoData !== 'none') {
    console.log('Демо-учётные записи (пароль у всех: Demo-2026!):');
    for (const account of DEMO_ACCOUNTS) console.log(`  ${account.role.padEnd(10)} ${account.email}`);
  }
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
