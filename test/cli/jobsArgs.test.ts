import { jobsExitCode, parseJobsArgs } from '../../src/cli/jobsArgs';

const site = ['--site', 'http://localhost:4321/sites/microdata'];

describe('npm run jobs arguments', () => {
  it('runs once for a persona of the local tenant, with the shared mailbox of its domain', () => {
    expect(parseJobsArgs(['--once', ...site, '--user', 'beheer@vsa.local', '--now', '2026-03-11T08:00:00Z'])).toEqual({
      ok: true,
      options: {
        once: true, now: '2026-03-11T08:00:00.000Z', site: site[1], identity: { kind: 'persona', email: 'beheer@vsa.local' },
        mailbox: 'data-aanvragen@vsa.local', registerUrl: site[1]
      }
    });
  });

  it('takes tokens from the arguments or the environment', () => {
    const parsed = parseJobsArgs(['--once', '--site', 'https://contoso.sharepoint.com/sites/microdata', '--mailbox', 'data@contoso.com'], { SP_ACCESS_TOKEN: 'sp', GRAPH_ACCESS_TOKEN: 'graph' });
    expect(parsed).toMatchObject({ ok: true, options: { identity: { kind: 'token', sharePointToken: 'sp', graphToken: 'graph' }, mailbox: 'data@contoso.com' } });
  });

  it.each([
    [[...site, '--user', 'beheer@vsa.local'], '--once is required'],
    [['--once', '--user', 'beheer@vsa.local'], '--site is required'],
    [['--once', '--site', 'localhost:4321', '--user', 'beheer@vsa.local'], 'is not a valid URL'],
    [['--once', ...site], 'pass --user or --token'],
    [['--once', ...site, '--user', 'beheer'], 'is not an e-mail address'],
    [['--once', ...site, '--user', 'a@b.c', '--token', 'x'], 'not both'],
    [['--once', ...site, '--token', 'x', '--mailbox', 'd@c.com'], '--graph-token is required'],
    [['--once', ...site, '--user', 'a@b.c', '--now', 'yesterday'], 'is not an ISO date and time'],
    [['--once', ...site, '--user'], '--user: geef een waarde / needs a value'],
    [['--once', ...site, '--user', 'a@b.c', '--verbose'], 'unknown argument: --verbose']
  ])('refuses %j with a clear message', (args, message) => {
    const parsed = parseJobsArgs(args);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && !parsed.help && parsed.error).toContain(message);
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
