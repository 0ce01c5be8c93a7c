// Builds the web app (Vite → dist/web) and the server (esbuild → dist/server, with its migrations).
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const started = Date.now();
rmSync('dist', { recursive: true, force: true });
console.log('Сборка веб-приложения…');
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log('Сборка сервера…');
await esbuild({
  entryPoints: ['src/server/main.ts'],
  outfile: 'dist/server/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
cpSync('src/server/db/migrations', 'dist/server/migrations', { recursive: true });
writeFileSync('dist/.build-stamp', new Date().toISOString());
console.log(`Сборка готова за ${((Date.now() - started) / 1000).toFixed(1)} с`);
