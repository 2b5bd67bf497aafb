import { jobsExitCode, LOCAL_JOBS_SITE, parseJobsArgs } from '../../src/cli/jobsArgs';
import { appPrincipalLogin, LOCAL_SERVICE_LOGIN } from '../../src/composition/localTenantIdentity';

const site = ['--site', 'http://localhost:4321/sites/microdata'];
const online = ['--site', 'https://contoso.sharepoint.com/sites/microdata'];

describe('npm run jobs arguments', () => {
  it('runs once against the local tenant as its service principal by default', () => {
    expect(parseJobsArgs(['--once', '--now', '2026-03-11T08:00:00Z'])).toEqual({
      ok: true,
      options: { once: true, now: '2026-03-11T08:00:00.000Z', site: LOCAL_JOBS_SITE, signIn: { kind: 'none' }, mailbox: 'data-aanvragen@vsa.local', registerUrl: 'http://localhost:4321/workbench/register' }
    });
  });

  it('runs as a persona of the local tenant, with the shared mailbox of its domain', () => {
    expect(parseJobsArgs(['--once', ...site, '--user', 'beheer@vsa.local'])).toMatchObject({
      ok: true,
      options: { signIn: { kind: 'persona', persona: 'beheer@vsa.local' }, mailbox: 'data-aanvragen@vsa.local' }
    });
  });

  it('signs in with --auth certificate through the Node tools\' sign-in arguments', () => {
    const parsed = parseJobsArgs(['--once', ...online, '--auth', 'certificate', '--tenant', 't', '--client-id', 'c', '--certificate', '/certs/service.pem'], { VSA_SHARED_MAILBOX: 'data@contoso.com' }, { fileReadable: () => true });
    expect(parsed).toMatchObject({
      ok: true,
      options: { signIn: { kind: 'credential', auth: { method: 'certificate', tenantId: 't', clientId: 'c', certificatePath: '/certs/service.pem' } }, mailbox: 'data@contoso.com', registerUrl: online[1] }
    });
  });

  it('takes tokens from the arguments or the environment', () => {
    const parsed = parseJobsArgs(['--once', ...online, '--mailbox', 'data@contoso.com'], { SP_ACCESS_TOKEN: 'sp', GRAPH_ACCESS_TOKEN: 'graph', VSA_SERVICE_CLIENT_ID: 's', VSA_TENANT_ID: 'u' });
    expect(parsed).toMatchObject({ ok: true, options: { signIn: { kind: 'token', token: 'sp' }, graphToken: 'graph', mailbox: 'data@contoso.com' } });
  });

  it.each([
    [[...site, '--user', 'beheer@vsa.local'], '--once is required'],
    [['--once', '--site', 'localhost:4321', '--user', 'beheer@vsa.local'], 'is not a valid URL'],
    [['--once', ...online], 'pass --auth, --token or --user for a site other than the local tenant'],
    [['--once', ...site, '--user', 'beheer'], 'is not an e-mail address'],
    [['--once', ...site, '--user', 'a@b.c', '--token', 'x'], 'choose one way to sign in'],
    [['--once', ...online, '--token', 'x', '--mailbox', 'd@c.com'], '--graph-token is required'],
    [['--once', ...online, '--auth', 'azure-cli'], '--mailbox (or VSA_SHARED_MAILBOX) is required'],
    [['--once', ...online, '--auth', 'magic'], 'unknown sign-in method "magic"'],
    [['--once', ...online, '--auth', 'device-code', '--tenant', 't'], 'pass --client-id'],
    [['--once', ...site, '--now', 'yesterday'], 'is not an ISO date or date and time'],
    // Without an offset the moment would depend on the machine's time zone (a UTC host reads 23:30 as 00:30 the next day in Brussels).
    [['--once', ...site, '--now', '2026-02-30'], 'is not an ISO date or date and time'],
    [['--once', ...site, '--now', '2026-03-11T25:00'], 'is not an ISO date or date and time'],
    [['--once', ...site, '--user'], 'give a value'],
    [['--once', ...site, '--verbose'], 'unknown argument: --verbose'],
    [['--once', ...site, '--user', 'beheer@vsa.local', '--graph-token', 'g'], '--graph-token belongs to --token'],
    [['--once', ...online, '--auth', 'azure-cli', '--graph-token', 'g', '--mailbox', 'd@c.com'], '--graph-token belongs to --token'],
    [['--once', '--graph-token', 'g'], '--graph-token belongs to --token']
  ])('refuses %j with a clear message', (args, message) => {
    const parsed = parseJobsArgs(args);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && !parsed.help && parsed.error).toContain(message);
  });

  describe('trusted writers (replay trusts only the command service, as the other hosts do)', () => {
    it('trusts the local service principal for a local persona', () => {
      const parsed = parseJobsArgs(['--once', ...site, '--user', 'beheer@vsa.local']);
      expect(parsed.ok && parsed.options.trustedWriters).toEqual([LOCAL_SERVICE_LOGIN]);
    });

    it('trusts the certificate app itself by default, or the service named', () => {
      const base = ['--once', ...online, '--auth', 'certificate', '--tenant', 't', '--client-id', 'c', '--certificate', '/c.pem', '--mailbox', 'd@c.com'];
      const own = parseJobsArgs(base, {}, { fileReadable: () => true });
      expect(own.ok && own.options.trustedWriters).toEqual([appPrincipalLogin('c', 't')]);
      const named = parseJobsArgs([...base, '--service-client-id', 's', '--service-tenant', 'u'], {}, { fileReadable: () => true });
      expect(named.ok && named.options.trustedWriters).toEqual([appPrincipalLogin('s', 'u')]);
    });

    it('takes the service from the environment with a token', () => {
      const parsed = parseJobsArgs(['--once', ...online, '--mailbox', 'd@c.com'], { SP_ACCESS_TOKEN: 'sp', GRAPH_ACCESS_TOKEN: 'g', VSA_SERVICE_CLIENT_ID: 's', VSA_TENANT_ID: 'u' });
      expect(parsed.ok && parsed.options.trustedWriters).toEqual([appPrincipalLogin('s', 'u')]);
    });

    it.each([
      [['--once', ...online, '--mailbox', 'd@c.com', '--token', 'x', '--graph-token', 'g']],
      [['--once', ...online, '--mailbox', 'd@c.com', '--auth', 'azure-cli']]
    ])('refuses %j without the service to trust', (args) => {
      const parsed = parseJobsArgs(args);
      expect(parsed.ok === false && !parsed.help && parsed.error).toContain('pass --service-client-id and --service-tenant');
    });
  });

  it('takes a moment with an offset as that instant', () => {
    const parsed = parseJobsArgs(['--once', '--now', '2026-03-11T23:30:00+01:00']);
    expect(parsed.ok && parsed.options.now).toBe('2026-03-11T22:30:00.000Z');
  });

  it.each([
    // Without a zone the moment is Brussels time, whatever the host's zone: winter (+01:00), summer (+02:00).
    ['2026-03-11T23:30', '2026-03-11T22:30:00.000Z'],
    ['2026-07-11T23:30:00', '2026-07-11T21:30:00.000Z'],
    ['2026-07-11T08:00:00.5', '2026-07-11T06:00:00.500Z'],
    // A date alone is that Brussels day's midnight.
    ['2026-07-13', '2026-07-12T22:00:00.000Z'],
    ['2026-12-31', '2026-12-30T23:00:00.000Z'],
    // The hour summer time skips is read with the winter offset; the hour winter time repeats, as the second one.
    ['2026-03-29T02:30', '2026-03-29T01:30:00.000Z'],
    ['2026-10-25T02:30', '2026-10-25T01:30:00.000Z']
  ])('reads --now %s without a zone as Brussels time: %s', (argument, instant) => {
    const parsed = parseJobsArgs(['--once', '--now', argument]);
    expect(parsed.ok && parsed.options.now).toBe(instant);
  });

  it('answers --help', () => {
    expect(parseJobsArgs(['--help'])).toEqual({ ok: false, help: true });
  });

  it('exits 1 when a reminder failed or a dossier was not processed, 0 otherwise', () => {
    expect(jobsExitCode({ failures: [], dossierFailures: [] })).toBe(0);
    expect(jobsExitCode({ failures: [{}], dossierFailures: [] })).toBe(1);
    expect(jobsExitCode({ failures: [], dossierFailures: [{}] })).toBe(1);
  });
});
