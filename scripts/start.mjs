// npm start: builds when the build is missing or older than the sources, then runs the server.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

const stamp = 'dist/.build-stamp';
const sourcesChanged =
  !existsSync(stamp) ||
  Math.max(newestMtime('src'), statSync('package-lock.json').mtimeMs, statSync('vite.config.ts').mtimeMs) >
    statSync(stamp).mtimeMs;
if (sourcesChanged) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(path.resolve('dist/server/main.js'));
