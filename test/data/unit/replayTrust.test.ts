import { mergeStream } from '../../../src/data/commandService';
import { hasDataErrorCode } from '../../../src/data/errors';
import type { DossierStream, SequencedEvent } from '../../../src/data/ports';
import { eventsFromItems, registerRowsFromItems } from '../../../src/data/sharepoint/itemMapping';
import { isOwnWriter, isTrustedWriter, loginOfIdentitySet } from '../../../src/data/writers';
import { decide } from '../../../src/domain/decide';
import { an, registerCommand } from '../support/fixtures';

const SERVICE = 'i:0i.t|ms.sp.ext|0c9a6b1e-7d3f-4e25-a8c4-3f1b2d6e9a70@5d1c3f7e-2b4a-4c61-9e0f-7a8b9c0d1e2f';
const NOW = '2026-02-01T10:00:00.000Z';
const REF = 'VSA-2026-0001';

function registered(writer?: string): SequencedEvent[] {
  const decision = decide(undefined, registerCommand(REF, 'c-reg'), an, NOW);
  if (!decision.ok) throw new Error('setup');
  return decision.events.map((event, index) => ({ sequence: index + 1, event, ...(writer ? { writer } : {}) }));
}

function comment(id: string, sequence: number, actorId: string, writer?: string): SequencedEvent {
  return {
    sequence,
    event: { id, type: 'CommentAdded', dossierReference: REF, actor: { ...an, id: actorId }, at: NOW, text: 'x' } as SequencedEvent['event'],
    ...(writer ? { writer } : {})
  };
}

describe('writers', () => {
  it('trusts the service principal by its login, and by app id when Graph gives no tenant', () => {
    expect(isTrustedWriter(SERVICE, [SERVICE])).toBe(true);
    expect(isTrustedWriter(SERVICE.toUpperCase(), [SERVICE])).toBe(true);
    expect(isTrustedWriter('i:0i.t|ms.sp.ext|0c9a6b1e-7d3f-4e25-a8c4-3f1b2d6e9a70', [SERVICE])).toBe(true);
    expect(isTrustedWriter('i:0i.t|ms.sp.ext|0c9a6b1e-7d3f-4e25-a8c4-3f1b2d6e9a70@other-tenant', [SERVICE])).toBe(false);
    expect(isTrustedWriter('i:0i.t|ms.sp.ext|11111111-7d3f-4e25-a8c4-3f1b2d6e9a70', [SERVICE])).toBe(false);
    expect(isTrustedWriter(`i:0#.f|membership|${an.id}`, [SERVICE])).toBe(false);
    expect(isTrustedWriter(undefined, [SERVICE])).toBe(false);
  });

  it('recognises a user writing in their own name, never an app', () => {
    expect(isOwnWriter(`i:0#.f|membership|${an.id.toUpperCase()}`, an.id)).toBe(true);
    expect(isOwnWriter('i:0#.f|membership|jeroen.maes@vsa.local', an.id)).toBe(false);
    expect(isOwnWriter(`i:0#.f|membership|x${an.id}`, an.id)).toBe(false);
    expect(isOwnWriter(SERVICE, an.id)).toBe(false);
  });

  it('normalises Graph identity sets to the same logins', () => {
    expect(loginOfIdentitySet({ user: { email: 'An.Peeters@vsa.local', id: 'x' } })).toBe('i:0#.f|membership|an.peeters@vsa.local');
    expect(loginOfIdentitySet({ application: { id: '0C9A6B1E-7d3f-4e25-a8c4-3f1b2d6e9a70' } })).toBe('i:0i.t|ms.sp.ext|0c9a6b1e-7d3f-4e25-a8c4-3f1b2d6e9a70');
    expect(loginOfIdentitySet({ application: { id: 'abc' }, user: { displayName: 'SharePoint App' } })).toBe('i:0i.t|ms.sp.ext|abc');
    expect(loginOfIdentitySet({ user: { id: 'aad-1' } })).toBe('aad:aad-1');
    expect(loginOfIdentitySet(undefined)).toBeUndefined();
  });
});

describe('mergeStream with trusted writers', () => {
  const trust = { trustedWriters: [SERVICE] };

  it('replays events the service wrote and legacy events their own actor wrote', () => {
    const stream: DossierStream = { events: [...registered(SERVICE), comment('c-own:0', 2, 'jeroen.maes@vsa.local', 'i:0#.f|membership|jeroen.maes@vsa.local')] };
    expect(mergeStream(stream, trust).events).toHaveLength(2);
  });

  it('refuses an event written by someone in another actor\'s name, naming every such event id', () => {
    const stream: DossierStream = {
      events: [...registered(SERVICE), comment('forged:0', 2, 'karel.desmet@vsa.local', 'i:0#.f|membership|jeroen.maes@vsa.local'), comment('nowriter:0', 3, an.id)]
    };
    expect(() => mergeStream(stream)).not.toThrow();
    try {
      mergeStream(stream, trust);
      throw new Error('not refused');
    } catch (error) {
      expect(hasDataErrorCode(error, 'data.error.tampered')).toBe(true);
      expect((error as { details?: { eventIds?: string } }).details?.eventIds).toBe('forged:0, nowriter:0');
    }
  });

  it('uses pending events only when a trusted writer last wrote the projection', () => {
    const pending = [comment('p:0', 2, an.id)];
    const projection = { itemId: 1, etag: '"1"', reference: REF, eventCount: 2, pendingEvents: pending };
    const events = registered(SERVICE);
    const byService = mergeStream({ events, projection: { ...projection, editor: SERVICE } }, trust);
    expect(byService.missingFromLog.map((item) => item.event.id)).toEqual(['p:0']);
    expect(byService.ignoredPendingEvents).toBeUndefined();
    const byMember = mergeStream({ events, projection: { ...projection, editor: `i:0#.f|membership|${an.id}` } }, trust);
    expect(byMember.missingFromLog).toEqual([]);
    expect(byMember.events).toHaveLength(1);
    expect(byMember.ignoredPendingEvents).toEqual(['p:0']);
  });
});

describe('fail-soft mapping', () => {
  it('skips a register item without a valid state and reports its id', () => {
    const result = registerRowsFromItems([
      { Id: 1, Title: 'VSA-2026-0001', DossierState: 'intake' },
      { Id: 2, Title: 'VSA-2026-9999' },
      { Id: 3, Title: 'VSA-2026-0003', DossierState: 'bogus' }
    ]);
    expect(result.rows.map((row) => row.itemId)).toEqual([1]);
    expect(result.skipped).toEqual([
      { itemId: 2, reason: 'unknown or missing state' },
      { itemId: 3, reason: 'unknown or missing state' }
    ]);
  });

  it('names every unreadable event item of a dossier in one coded error', () => {
    const good = registered()[0];
    const items = [
      { Id: 10, EventId: good.event.id, Sequence: 1, Payload: JSON.stringify(good.event) },
      { Id: 11, EventId: 'b:0', Sequence: 2, Payload: '{nope' },
      { Id: 12, EventId: 'c:0', Sequence: 3, Payload: '{"id":"other"}' }
    ];
    expect(() => eventsFromItems(items.slice(0, 1), REF)).not.toThrow();
    try {
      eventsFromItems(items, REF);
      throw new Error('not refused');
    } catch (error) {
      expect(hasDataErrorCode(error, 'data.error.unreadableEvent')).toBe(true);
      expect((error as { details?: { itemIds?: string } }).details?.itemIds).toBe('11, 12');
    }
  });
});
