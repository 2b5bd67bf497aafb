/**
 * `npm run build:functions` builds a deployable Azure Functions app: the bundle loads in plain Node 22
 * and registers the three HTTP functions of the contract, anonymous (the token is checked in code),
 * with the worker's core API; without its settings it refuses to start, naming them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildFunctions, bundleName } = require('../../scripts/build-functions.js') as {
  buildFunctions(outDir?: string): string;
  bundleName: string;
};

/** What the Functions worker provides as `@azure/functions-core`: here it records the registrations. */
const fakeCore = `
const registered = [];
module.exports = {
  setProgrammingModel() {},
  registerHook() { return { dispose() {} }; },
  log() {},
  registerFunction(metadata) { registered.push(metadata); return { dispose() {} }; }
};
process.on('exit', () => process.stdout.write(JSON.stringify(registered)));
`;

const settings = {
  VSA_TENANT_ID: '11111111-2222-4333-8444-555555555555',
  VSA_SITE_URL: 'https://contoso.sharepoint.com/sites/microdata',
  VSA_API_AUDIENCE: 'api://microdata-dossiers',
  VSA_SERVICE_CLIENT_ID: '99999999-8888-4777-8666-555555555555',
  VSA_CERTIFICATE_PATH: '/nonexistent/vsa-service.pem',
  VSA_REGISTER_URL: 'https://contoso.sharepoint.com/sites/microdata/SitePages/Register.aspx'
};

describe('build:functions', () => {
  let dir: string;
  let appDir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vsa-functions-'));
    appDir = buildFunctions(join(dir, 'app'));
    mkdirSync(join(dir, 'node_modules', '@azure', 'functions-core'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', '@azure', 'functions-core', 'index.js'), fakeCore);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const load = (env: Record<string, string>): string =>
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(join(appDir, bundleName))})`], {
      env: { PATH: process.env.PATH ?? '', NODE_PATH: join(dir, 'node_modules'), ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe']
    });

  it('writes host.json (extension bundle v4, /api) and a package.json whose main is the bundle', () => {
    const host = JSON.parse(readFileSync(join(appDir, 'host.json'), 'utf8'));
    expect(host.version).toBe('2.0');
    expect(host.extensionBundle).toEqual({ id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' });
    expect(host.extensions.http.routePrefix).toBe('api');
    const pkg = JSON.parse(readFileSync(join(appDir, 'package.json'), 'utf8'));
    expect(pkg.main).toBe(bundleName);
    expect(pkg.dependencies).toBeUndefined();
  });

  it('registers the three anonymous POST functions of the contract and the scheduled job\'s timer', () => {
    const registered = JSON.parse(load(settings)) as { name: string; bindings: Record<string, { type?: string; schedule?: string; route?: string; authLevel?: string; methods?: string[]; direction: string }> }[];
    const timers = registered.filter((metadata) => Object.values(metadata.bindings).some((binding) => binding.type === 'timerTrigger'));
    expect(timers.map((metadata) => metadata.name)).toEqual(['scheduledJobs']);
    const triggers = registered.filter((metadata) => !timers.includes(metadata)).map((metadata) => {
      const trigger = Object.values(metadata.bindings).find((binding) => binding.direction === 'in');
      return [metadata.name, trigger?.route, trigger?.authLevel, trigger?.methods];
    });
    expect(triggers).toEqual([
      ['command', 'dossiers/{reference}/commands', 'anonymous', ['POST']],
      ['document', 'dossiers/{reference}/documents', 'anonymous', ['POST']],
      ['publication', 'dossiers/{reference}/publication', 'anonymous', ['POST']]
    ]);
  });

  it('refuses to start without its settings, naming them', () => {
    let failure = '';
    try {
      load({});
    } catch (error) {
      failure = String((error as { stderr?: string }).stderr);
    }
    expect(failure).toContain('missing the setting(s) VSA_TENANT_ID, VSA_SITE_URL, VSA_API_AUDIENCE, VSA_SERVICE_CLIENT_ID, VSA_CERTIFICATE_PATH, VSA_REGISTER_URL');
  });
});
