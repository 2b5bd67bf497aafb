import { spfi, DefaultHeaders, DefaultInit } from '@pnp/sp';
import type { SPFI } from '@pnp/sp';
import { DefaultParse } from '@pnp/queryable';
import { SharePointReminderLedger } from '../../../src/data/sharepoint/reminderLedger';
import type { LedgerEntry } from '../../../src/data/reminderPorts';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly body?: string;
}

/** PnPjs on a transport that records requests: every MERGE answers 204, every read one ledger item. */
function fakeSp(): { sp: SPFI; sent: Sent[] } {
  const sent: Sent[] = [];
  const sp = spfi('https://contoso.sharepoint.com/sites/microdata').using(DefaultHeaders(), DefaultInit(), DefaultParse(), (instance) => {
    instance.on.send.replace(async (url: URL, init: RequestInit) => {
      sent.push({ url: url.toString(), method: String(init.method), body: init.body as string | undefined });
      if (String(init.method) === 'POST') return new Response(null, { status: 204, headers: { ETag: '"5"' } });
      return new Response(JSON.stringify({ Id: 7, Title: 'k', Status: 'sent', ClaimedAt: '2026-03-11T08:00:00Z', Attempts: 2, Steps: '[]', 'odata.etag': '"5"' }), { status: 200, headers: { 'Content-Type': 'application/json', ETag: '"5"' } });
    });
    return instance;
  });
  return { sp, sent };
}

const entry = { itemId: 7, key: 'k', status: 'claimed', claimedAt: '2026-03-11T08:00:00Z', attempts: 2, steps: [], revision: '"4"' } as LedgerEntry & { itemId: number };

describe('the reminder ledger on the wire: LastError', () => {
  it('clears the last error when a reminder is sent at last', async () => {
    const { sp, sent } = fakeSp();
    await new SharePointReminderLedger(sp).update(entry, { status: 'sent', sentAt: '2026-03-11T08:01:00Z' }).catch(() => undefined);
    const merge = JSON.parse(String(sent[0].body)) as Record<string, unknown>;
    expect(merge).toHaveProperty('LastError', null);
    expect(merge.ReminderStatus).toBe('sent');
  });

  it('keeps the error of a failure, and leaves it alone on other changes', async () => {
    const failed = fakeSp();
    await new SharePointReminderLedger(failed.sp).update(entry, { status: 'failed', error: 'data.error.unavailable' }).catch(() => undefined);
    expect(JSON.parse(String(failed.sent[0].body))).toMatchObject({ LastError: 'data.error.unavailable' });
    const claimed = fakeSp();
    await new SharePointReminderLedger(claimed.sp).update(entry, { status: 'claimed', claimedAt: '2026-03-11T08:00:00Z', attempts: 3 }).catch(() => undefined);
    expect(JSON.parse(String(claimed.sent[0].body))).not.toHaveProperty('LastError');
  });
});
