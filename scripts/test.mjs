// npm test: unit and integration tests (node:test, on PGlite, or on PostgreSQL when DATABASE_URL is set),
// then browser journeys (Playwright on Chromium). Ends with the line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';
if (!existsSync(chrome)) {
  console.error(
    `Chromium was not found at ${chrome}. Browser tests need it:\n` +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  or point CHROME_PATH at a Chrome or Chromium binary.',
  );
  process.exit(1);
}

const cacheDir = path.resolve('node_modules/.cache/klaster');
mkdirSync(cacheDir, { recursive: true });
const testFiles = ['src', 'test']
  .flatMap((dir) => readdirSync(dir, { recursive: true }).map((f) => path.join(dir, String(f))))
  .filter((f) => f.endsWith('.test.ts'))
  .sort();

console.log(
  `Unit and integration tests on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'the embedded database (PGlite)'}`,
);
const countsFile = path.join(cacheDir, 'node-test-counts.json');
rmSync(countsFile, { force: true });
const unit = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/count-reporter.mjs',
    `--test-reporter-destination=${countsFile}`,
    ...testFiles,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
const unitCounts = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : { passed: 0, failed: 1 };
if (unit.status !== 0 && unitCounts.failed === 0) unitCounts.failed = 1; // the runner itself failed

console.log('\nBrowser tests (Playwright, Chromium)');
const playwrightJson = path.join(cacheDir, 'playwright.json');
rmSync(playwrightJson, { force: true });
const e2e = spawnSync('npx', ['playwright', 'test', '--reporter=list,json'], {
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
});
let e2eCounts = { passed: 0, failed: 1 };
let flaky = [];
if (existsSync(playwrightJson)) {
  const report = JSON.parse(readFileSync(playwrightJson, 'utf8'));
  e2eCounts = { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected };
  flaky = flakyTitles(report.suites);
}
if (e2e.status !== 0 && e2eCounts.failed === 0) e2eCounts.failed = 1;

if (flaky.length > 0) console.log(`\nPassed on a second run (flaky): ${flaky.join('; ')}`);
const passed = unitCounts.passed + e2eCounts.passed;
const failed = unitCounts.failed + e2eCounts.failed;
console.log(
  `\nunit+integration: ${unitCounts.passed} passed, ${unitCounts.failed} failed; browser: ${e2eCounts.passed} passed, ${e2eCounts.failed} failed`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

/** Titles of the journeys that failed and then passed on their retry. */
function flakyTitles(suites = []) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? []).filter((spec) => spec.tests.some((t) => t.status === 'flaky')).map((spec) => spec.title),
    ...flakyTitles(suite.suites),
  ]);
}
