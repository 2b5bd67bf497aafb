import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { DefaultParse } from '@pnp/queryable';
import { SharePointDossierStore } from '../../../src/data/sharepoint/dossierStore';
import { hasDataErrorCode } from '../../../src/data/errors';
import { decide } from '../../../src/domain/decide';
import { evolve } from '../../../src/domain/evolve';
import { an, registerCommand } from '../support/fixtures';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

/** PnPjs on a transport that records requests and answers from a handler (unit tests of the wire format). */
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

function projectionWrite() {
  const result = decide(undefined, registerCommand('VSA-2026-0001', 'c1'), an, '2026-01-15T09:00:00.000Z');
  if (!result.ok) throw new Error('setup');
  return { dossier: evolve(undefined, result.events[0]), eventCount: 1, pendingEvents: [{ sequence: 1, event: result.events[0] }] };
}

describe('SharePoint dossier store on the wire', () => {
  it('updates with MERGE and the item ETag, never "*", and returns the new ETag', async () => {
    const { sp, sent } = fakeSp(() => new Response(null, { status: 204, headers: { ETag: '"4"' } }));
    const etag = await new SharePointDossierStore(sp).updateProjection(7, '"3"', projectionWrite());
    expect(etag).toBe('"4"');
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe("https://contoso.sharepoint.com/sites/microdata/_api/web/lists/getByTitle('Dossiers')/items(7)");
    expect(sent[0].headers['IF-Match']).toBe('"3"');
    expect(sent[0].headers['X-HTTP-Method']).toBe('MERGE');
    expect(JSON.parse(String(sent[0].body)).EventCount).toBe(1);
  });

  it('refuses to update without an ETag (no last-writer-wins)', async () => {
    const { sp, sent } = fakeSp(() => new Response(null, { status: 204 }));
    const error = await new SharePointDossierStore(sp).updateProjection(7, '*', projectionWrite()).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.invalidInput')).toBe(true);
    expect(sent).toHaveLength(0);
  });

  it('turns a 412 into a conflict', async () => {
    const { sp } = fakeSp(() => new Response(JSON.stringify({ 'odata.error': { code: '-1, Microsoft.SharePoint.Client.ClientServiceException', message: { lang: 'en-US', value: 'The request ETag value does not match' } } }), { status: 412 }));
    const error = await new SharePointDossierStore(sp).updateProjection(7, '"3"', projectionWrite()).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.conflict')).toBe(true);
  });

  it('sends the register query with $select, indexed $filter, $orderby, $top and the cursor as $skiptoken', async () => {
    const { sp, sent } = fakeSp(() => new Response(JSON.stringify({ value: [], 'odata.nextLink': 'https://x/items?%24skiptoken=Paged%3DTRUE%26p_ID%3D42' }), { status: 200 }));
    const page = await new SharePointDossierStore(sp).readRegisterPage({ states: ['intake'], pageSize: 50 }, 'Paged=TRUE&p_ID=99');
    const url = new URL(sent[0].url);
    expect(url.searchParams.get('$filter')).toBe("DossierState eq 'intake'");
    expect(url.searchParams.get('$orderby')).toBe('Title desc');
    expect(url.searchParams.get('$top')).toBe('50');
    expect(url.searchParams.get('$skiptoken')).toBe('Paged=TRUE&p_ID=99');
    expect(url.searchParams.get('$select')).not.toContain('Snapshot');
    expect(page.nextCursor).toBe('Paged=TRUE&p_ID=42');
  });

  it('reports the list view threshold as its own error', async () => {
    const { sp } = fakeSp(
      () =>
        new Response(
          JSON.stringify({ 'odata.error': { code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException', message: { lang: 'en-US', value: 'The attempted operation is prohibited because it exceeds the list view threshold.' } } }),
          { status: 500 }
        )
    );
    const error = await new SharePointDossierStore(sp).readRegisterPage({}).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.threshold')).toBe(true);
  });
});
