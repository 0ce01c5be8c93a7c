// Writes the OpenAPI document and the web app's typed client schema from the server's route schemas:
//   npm run api:types
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { openEmbedded } from '../src/server/db/client.ts';

const database = await openEmbedded();
const app = await buildApp({ config: loadConfig({ DEMO_DATA: 'none', LOG_LEVEL: 'silent' }), database });
await app.ready();
const document = app.swagger();
await app.close();
await database.close();

fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/openapi.json', `${JSON.stringify(document, null, 2)}\n`);
execFileSync('npx', ['openapi-typescript', 'docs/openapi.json', '-o', 'src/web/lib/api-schema.d.ts'], {
  stdio: 'inherit',
});
console.log(`${Object.keys((document as { paths: object }).paths).length} paths`);
