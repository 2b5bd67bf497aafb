/**
 * `npm run provision`: the CLI a site owner runs, spawned as a user would (tsx, Node 22), against the
 * local tenant in-process. Idempotent on a second run; a user who is not a site owner is refused by the
 * store with a clear message and a non-zero exit.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { bearerFor } from '../support/tokens';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function provision(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [join(root, 'src', 'cli', 'provision.ts'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run provision', () => {
  let tenant: LocalTenant;
  beforeAll(async () => {
    tenant = await startLocalTenant({ port: 0, dataFile: ':memory:' });
  });
  afterAll(async () => {
    await tenant.close();
  });

  it('refuses a user who is not a site owner, naming the reason, and creates nothing', async () => {
    const result = await provision(['--site', `${tenant.baseUrl}/sites/microdata`, '--user', 'gast@vsa.local']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Inrichten mislukt: U hebt hiervoor geen toegang\.\nProvisioning failed: You have no access to this\.\n  \(data\.error\.accessDenied: /);
    const lists = (await (await fetch(`${tenant.baseUrl}/sites/microdata/_api/web/lists?$select=Title`, {
      headers: { Authorization: await bearerFor(tenant.baseUrl, 'beheer@vsa.local'), Accept: 'application/json;odata=nometadata' }
    })).json()) as { value: { Title: string }[] };
    expect(lists.value.map((list) => list.Title)).not.toContain('Dossiers');
  });

  it('creates the lists, library and groups for the site owner, then finds nothing left to do', async () => {
    const first = await provision(['--site', `${tenant.baseUrl}/sites/microdata`, '--user', 'beheer@vsa.local']);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Aangemaakt / created:');
    expect(first.stdout).toMatch(/Dossiers/);
    expect(first.stdout).toMatch(/Dossiergebeurtenissen/);
    expect(first.stdout).toMatch(/Dossierdocumenten/);
    const second = await provision(['--site', `${tenant.baseUrl}/sites/microdata`, '--user', 'beheer@vsa.local']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Site is al volledig / already complete.');
  });

  it('refuses bad --auth arguments with a bilingual message and exit code 2, before touching the site', async () => {
    const result = await provision(['--site', `${tenant.baseUrl}/sites/microdata`, '--auth', 'certificate', '--tenant', 't', '--client-id', 'c']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--auth certificate: geef --certificate .*\n--auth certificate: pass --certificate/);
    const mixed = await provision(['--site', `${tenant.baseUrl}/sites/microdata`, '--auth', 'azure-cli', '--user', 'beheer@vsa.local']);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/--auth gaat niet samen met --user/);
  });

  it('explains its usage when the site is missing or not a URL', async () => {
    expect((await provision([])).code).toBe(2);
    const invalid = await provision(['--site', 'geen url', '--user', 'beheer@vsa.local']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('is geen geldige URL');
  });

  it('documents --grant-service in --help and refuses it without an application id', async () => {
    const help = await provision(['--site', `${tenant.baseUrl}/sites/microdata`, '--help']);
    expect(help.code).toBe(0);
    expect(help.stderr).toContain('--grant-service');
    expect(help.stderr).toContain('POST /sites/{site-id}/permissions, roles ["write"]');
    const missing = await provision(['--site', `${tenant.baseUrl}/sites/microdata`, '--user', 'beheer@vsa.local', '--grant-service']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--grant-service: geef de client-id');
  });
});
