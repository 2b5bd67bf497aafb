import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { DefaultParse } from '@pnp/queryable';
import { SharePointRequesterDrafts } from '../../../src/data/sharepoint/requesterDrafts';
import { SharePointReminderLedger } from '../../../src/data/sharepoint/reminderLedger';
import { hasDataErrorCode } from '../../../src/data/errors';
import { listSpec, ReminderColumn } from '../../../src/data/schema';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** PnPjs on a transport that records requests and answers from a handler (the wire format of `Herinneringen`). */
function fakeSp(answer: (request: Sent) => Response): { sp: SPFI; sent: Sent[] } {
  const sent: Sent[] = [];
  const sp = spfi('https://contoso.sharepoint.com/sites/microdata').using(DefaultHeaders(), DefaultInit(), DefaultParse(), (instance) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      const request = { url: url.toString(), method: String(init.method), headers: { ...(init.headers as Record<string, string>) }, body: init.body as string | undefined };
      sent.push(request);
      return answer(request);
    });
    return instance;
  });
  return { sp, sent };
}

const draft = { reference: 'VSA-2026-0042', kind: 'destructionRequest', lang: 'en', to: 'karel@uni.example', subject: '[VSA-2026-0042] Destruction of the delivered microdata', body: 'Dear Karel,' };
const item = (id: number, fields: Record<string, unknown> = {}) => ({
  'odata.etag': `"${id + 2}"`,
  Id: id,
  Title: `VSA-2026-0042|destructionRequest|2026-05-0${id}`,
  ReminderKind: 'destructionRequest',
  DossierReference: 'VSA-2026-0042',
  DueOn: `2026-05-0${id}`,
  Draft: JSON.stringify(draft),
  ...fields
});
const page = (rows: unknown[], next?: string) => new Response(JSON.stringify({ value: rows, ...(next ? { 'odata.nextLink': next } : {}) }), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('SharePointRequesterDrafts on the wire (list Herinneringen)', () => {
  it('reads the waiting drafts of a dossier on the indexed columns and parses each draft', async () => {
    const { sp, sent } = fakeSp(() => page([item(1)]));
    const waiting = await new SharePointRequesterDrafts(sp).waiting("VSA-2026-0042");
    const url = decodeURIComponent(sent[0].url).replace(/\+/g, ' ');
    expect(url).toContain("/_api/web/lists/getByTitle('Herinneringen')/items");
    expect(url).toContain("$filter=DraftStatus eq 'waiting' and DossierReference eq 'VSA-2026-0042'");
    expect(url).toContain('$select=Id,Title,ReminderKind,DossierReference,DueOn,Draft');
    expect(waiting).toEqual([{ key: 'VSA-2026-0042|destructionRequest|2026-05-01', reference: 'VSA-2026-0042', kind: 'destructionRequest', dueOn: '2026-05-01', draft, revision: '1|"3"' }]);
  });

  it('reads every waiting draft without a dossier, and says a full page instead of cutting it', async () => {
    const { sp, sent } = fakeSp(() => page([item(1), item(2)]));
    expect(await new SharePointRequesterDrafts(sp).waiting()).toHaveLength(2);
    expect(decodeURIComponent(sent[0].url).replace(/\+/g, ' ')).toContain("$filter=DraftStatus eq 'waiting'&");
    const full = fakeSp(() => page([item(1)], 'https://contoso.sharepoint.com/next?$skiptoken=Paged%3DTRUE'));
    const error = await new SharePointRequesterDrafts(full.sp).waiting().catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.threshold')).toBe(true);
  });

  it('refuses an unreadable draft (never guessed, never skipped)', async () => {
    for (const broken of [{ Draft: '{not json' }, { Draft: JSON.stringify({ ...draft, lang: 'fr' }) }, { ReminderKind: 'phaseOverdue' }]) {
      const { sp } = fakeSp(() => page([item(1, broken)]));
      const error = await new SharePointRequesterDrafts(sp).waiting().catch((e: unknown) => e);
      expect(hasDataErrorCode(error, 'data.error.corrupt')).toBe(true);
    }
  });

  it('dismisses with MERGE over the ETag read, with who, when and the reason; a 412 is false', async () => {
    const { sp, sent } = fakeSp(() => new Response(null, { status: 204, headers: { ETag: '"4"' } }));
    const store = new SharePointRequesterDrafts(sp);
    const waiting = { key: 'k', reference: 'VSA-2026-0042', kind: 'destructionRequest' as const, dueOn: '2026-05-01', draft: draft as never, revision: '7|"3"' };
    expect(await store.markHandled(waiting, { status: 'dismissed', by: 'an@vsa.example', at: '2026-05-02T08:00:00.000Z', reason: 'Bevestiging al ontvangen.' })).toBe(true);
    expect(sent[0].url).toBe("https://contoso.sharepoint.com/sites/microdata/_api/web/lists/getByTitle('Herinneringen')/items(7)");
    expect(sent[0].headers['IF-Match']).toBe('"3"');
    expect(sent[0].headers['X-HTTP-Method']).toBe('MERGE');
    expect(JSON.parse(String(sent[0].body))).toEqual({ DraftStatus: 'dismissed', DraftHandledBy: 'an@vsa.example', DraftHandledAt: '2026-05-02T08:00:00.000Z', DraftNote: 'Bevestiging al ontvangen.' });
    const conflict = fakeSp(() => new Response(JSON.stringify({ 'odata.error': { code: '-1', message: { lang: 'en-US', value: 'The request ETag value does not match' } } }), { status: 412 }));
    expect(await new SharePointRequesterDrafts(conflict.sp).markHandled(waiting, { status: 'dismissed', by: 'an@vsa.example', at: '2026-05-02T08:00:00.000Z', reason: 'x' })).toBe(false);
  });

  it('marks a sent draft whatever changed since (the mail went out): If-Match *', async () => {
    const { sp, sent } = fakeSp(() => new Response(null, { status: 204, headers: { ETag: '"4"' } }));
    const waiting = { key: 'k', reference: 'VSA-2026-0042', kind: 'destructionRequest' as const, dueOn: '2026-05-01', draft: draft as never, revision: '7|"3"' };
    expect(await new SharePointRequesterDrafts(sp).markHandled(waiting, { status: 'sent', by: 'an@vsa.example', at: '2026-05-02T08:00:00.000Z' })).toBe(true);
    expect(sent[0].headers['IF-Match']).toBe('*');
    expect(JSON.parse(String(sent[0].body))).toEqual({ DraftStatus: 'sent', DraftHandledBy: 'an@vsa.example', DraftHandledAt: '2026-05-02T08:00:00.000Z' });
  });

  it('the job writes a draft as waiting, on a provisioned, indexed status column', async () => {
    const { sp, sent } = fakeSp((request) => (request.method === 'POST' ? new Response(null, { status: 204, headers: { ETag: '"5"' } }) : new Response(JSON.stringify({ 'odata.etag': '"5"', Id: 9, Title: 'k', ReminderStatus: 'claimed', ClaimedAt: '2026-05-01T06:00:00Z', Attempts: 1, Steps: '["draft"]' }), { status: 200, headers: { 'Content-Type': 'application/json' } })));
    const entry = { itemId: 9, key: 'k', status: 'claimed' as const, claimedAt: '2026-05-01T06:00:00.000Z', attempts: 1, steps: [], revision: '"4"' };
    await new SharePointReminderLedger(sp).update(entry, { steps: ['draft'], draft: draft as never });
    const merged = JSON.parse(String(sent[0].body));
    expect(merged[ReminderColumn.DraftStatus]).toBe('waiting');
    expect(JSON.parse(merged[ReminderColumn.Draft])).toEqual(draft);
    const column = listSpec('Herinneringen').columns.find((candidate) => candidate.internalName === ReminderColumn.DraftStatus);
    expect(column).toMatchObject({ indexed: true, choices: ['waiting', 'sent', 'dismissed'] });
  });
});
