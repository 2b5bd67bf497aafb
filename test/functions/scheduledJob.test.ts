import { InvocationContext, type Timer } from '@azure/functions';
import type { AccessToken, GetTokenOptions } from '@azure/identity';
import { createAzureJobComposition, readJobSettings } from '../../src/composition/functions';
import { createScheduledJobHandler } from '../../src/functions/jobs';
import { clockIn, sofie } from '../domain/reminders/support';
import { world } from '../app/jobs/fakes';
import type { Dossier } from '../../src/domain/types';

const timer: Timer = { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };

function contextWith(logs: string[]): InvocationContext {
  return new InvocationContext({ functionName: 'scheduledJobs', invocationId: 'test', logHandler: (level, ...args) => logs.push(`${level} ${args.map(String).join(' ')}`) });
}

const env = {
  VSA_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  VSA_SERVICE_CLIENT_ID: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  VSA_CERTIFICATE_PATH: '/nonexistent/service.pem',
  VSA_SITE_URL: 'https://contoso.sharepoint.com/sites/microdata',
  VSA_REGISTER_URL: 'https://contoso.sharepoint.com/sites/microdata/SitePages/Register.aspx',
  VSA_SHARED_MAILBOX: 'data-aanvragen@contoso.com'
};

const reviewDossier = { reference: 'VSA-2026-0001', state: 'underReview', stateSince: '2026-03-01T09:00:00.000Z', stateHistory: [], requester: { isIndividual: false, contact: { name: 'K', email: 'k@uni.example' } }, assignedStatistician: sofie } as unknown as Dossier;

describe('the scheduled job timer handler', () => {
  it('runs the job for the moment it fires and logs to the invocation', async () => {
    const w = world([reviewDossier], { 'VSA-2026-0001': clockIn('review', '2026-03-05', '2026-03-20', '2026-03-11') });
    const logs: string[] = [];
    const handler = createScheduledJobHandler({ ports: (logger) => ({ ...w.ports, logger }), clock: () => '2026-03-11T08:00:00.000Z' });
    const report = await handler(timer, contextWith(logs));
    expect(report.counts.phaseOverdue.sent).toBe(1);
    expect(w.sent.map((mail) => mail.key)).toContain('VSA-2026-0001|phaseOverdue|2026-03-05|nl');
    expect(logs.at(-1)).toMatch(/^information job 2026-03-11T08:00:00.000Z: 1 dossiers/);
  });

  it('fails the invocation when a reminder failed (the next run retries it)', async () => {
    const w = world([reviewDossier], { 'VSA-2026-0001': clockIn('review', '2026-03-05', '2026-03-20', '2026-03-11') });
    w.failMail.add('VSA-2026-0001|phaseOverdue|2026-03-05|nl');
    const logs: string[] = [];
    const handler = createScheduledJobHandler({ ports: (logger) => ({ ...w.ports, logger }), clock: () => '2026-03-11T08:00:00.000Z' });
    await expect(handler(timer, contextWith(logs))).rejects.toThrow('1 reminder(s) failed and 0 dossier(s) not processed');
    expect(logs.some((line) => line.startsWith('error VSA-2026-0001 phaseOverdue: failed'))).toBe(true);
  });

  it('reads the site with a token of the app-only credential, and fails clearly when SharePoint refuses it', async () => {
    const scopes: string[] = [];
    const credential = {
      async getToken(scope: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
        scopes.push(String(scope));
        return { token: 'fake-token', expiresOnTimestamp: Date.now() + 3_600_000 };
      }
    };
    const requests: { url: string; authorization: string | null }[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      requests.push({ url: request.url, authorization: request.headers.get('authorization') });
      return new Response(JSON.stringify({ error: { message: 'Unauthorized' } }), { status: 401, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    try {
      const composition = createAzureJobComposition(env, credential);
      const handler = createScheduledJobHandler({
        // The settings come from the list; the clock is not reached when the register cannot be read.
        ports: (logger) => ({ ...composition.ports(logger), settings: { load: async () => ({ settings: {} as never, problems: [] }) } }),
        clock: () => '2026-03-11T08:00:00.000Z'
      });
      await expect(handler(timer, contextWith([]))).rejects.toMatchObject({ code: 'data.error.accessDenied' });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(scopes).toContain('https://contoso.sharepoint.com/.default');
    expect(requests[0].url).toMatch(/^https:\/\/contoso\.sharepoint\.com\/sites\/microdata\/_api\/web\/lists\/getByTitle\('Dossiers'\)\/items/);
    expect(requests[0].authorization).toBe('Bearer fake-token');
  });

  it('names every missing setting', () => {
    expect(() => readJobSettings({ ...env, VSA_SHARED_MAILBOX: '', VSA_SITE_URL: undefined })).toThrow('The scheduled job is missing the setting(s) VSA_SITE_URL, VSA_SHARED_MAILBOX (see docs/deployment-jobs.md).');
    expect(() => readJobSettings({ ...env, VSA_SITE_URL: 'http://contoso.sharepoint.com/sites/microdata' })).toThrow('VSA_SITE_URL must be an https:// URL');
    expect(readJobSettings(env)).toMatchObject({ mailbox: 'data-aanvragen@contoso.com', siteUrl: env.VSA_SITE_URL });
  });
});
