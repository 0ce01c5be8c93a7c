// The real start-up as `npm start` runs it: a second process on the same data directory refuses to start,
// and a write acknowledged before the process is killed is there after a restart.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klaster-process-'));

function startServer(port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      DEMO_DATA: 'none',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Кластер работает')) resolve(output);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(Object.assign(new Error(`exited ${code}`), { output, code })));
  });
  return { child, ready, output: () => output };
}

const running: ChildProcess[] = [];
after(() => {
  for (const child of running) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('server process on the embedded database', {
  skip: Boolean(process.env.DATABASE_URL) && 'embedded only',
}, () => {
  test('a second process on the same DATA_DIR refuses; a killed process loses no acknowledged write', {
    timeout: 120_000,
  }, async () => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const first = startServer(port);
    running.push(first.child);
    await first.ready;

    const second = startServer(port + 1);
    running.push(second.child);
    const refusal = await second.ready.then(
      () => assert.fail('the second process started'),
      (error: { output: string; code: number }) => error,
    );
    assert.equal(refusal.code, 1);
    assert.match(refusal.output, /in use by another Klaster process/);

    const email = `killed.${Date.now()}@example.ru`;
    const registered = await fetch(`http://127.0.0.1:${port}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'durable-pass-1', fullName: 'Стойкий Пользователь' }),
    });
    assert.equal(registered.status, 201);

    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const third = startServer(port + 2);
    running.push(third.child);
    await third.ready;
    const login = await fetch(`http://127.0.0.1:${port + 2}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'durable-pass-1' }),
    });
    assert.equal(login.status, 200, 'the user registered before the kill can sign in');
    third.child.kill('SIGTERM');
  });
});
