/**
 * `npm start` entry point: prints the URL and personas, hides only the SQLite ExperimentalWarning,
 * and exits 0 on Ctrl-C after closing server and database.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

it('starts, serves, prints personas and stops cleanly on SIGINT', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'local-tenant-start-'));
  const child = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/local/start.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', LOCAL_TENANT_DATA: join(dir, 'tenant.db'), LOCAL_TENANT_SEED: 'off' },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  try {
    const deadline = Date.now() + 20000;
    while (!stdout.includes('Ctrl-C') && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    expect(stdout).toContain('Ctrl-C');
    const baseUrl = /draait op (http:\/\/localhost:\d+)/.exec(stdout)?.[1];
    expect(baseUrl).toBeDefined();
    expect(stdout).toContain('an.peeters@vsa.local');
    expect((await fetch(`${baseUrl}/`)).status).toBe(200);
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain('ExperimentalWarning');
    expect(stdout).not.toContain('@vsa.local 200');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}, 30000);
