// Starts the built server for the end-to-end tests on a fresh embedded database (or DATABASE_URL when set),
// and removes the temporary data directory when the tests stop it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (!existsSync('dist/.build-stamp')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'klaster-e2e-'));
// the developer's own settings must not change what the tests see; only DATABASE_URL is passed on
const OWN_SETTINGS = [
  'REDIS_URL',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'SMTP_URL',
  'MAIL_FROM',
  'WEB_DIR',
  'SECURE_COOKIES',
];
const env = { ...process.env };
for (const name of OWN_SETTINGS) delete env[name];
if (!env.DATABASE_URL) delete env.DATABASE_URL;
Object.assign(env, {
  PORT: process.env.E2E_PORT ?? '3100',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  DEMO_DATA: 'small',
  RATE_LIMIT_PER_MINUTE: '0',
});

const server = spawn(process.execPath, ['dist/server/main.js'], { env, stdio: 'inherit' });

let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  rmSync(dataDir, { recursive: true, force: true });
}

server.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 0 : 1));
});

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    // the server shuts down cleanly on the signal; the exit handler above removes the data
    if (server.exitCode === null) server.kill('SIGTERM');
    else cleanUp();
  });
}
process.on('exit', cleanUp);
