import { spPost } from '@pnp/sp';
import { body } from '@pnp/queryable';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { createLocalComposition } from '../../src/composition/local';
import { hasDataErrorCode, isDataError } from '../../src/data/errors';
import { eventFields } from '../../src/data/sharepoint/itemMapping';
import { DossierColumn, LIST_DOSSIERS, LIST_EVENTS } from '../../src/data/schema';
import type { DossierEvent } from '../../src/domain/events';
import type { Actor } from '../../src/domain/types';
import { seed } from '../../src/local/seed';
import { commentCommand, registerCommand } from '../data/support/fixtures';
import { AN, as, ELS, KAREL, OWNER, startTenant, type RunningTenant } from '../data/support/tenant';
import { api, getJson, listApi } from './support';
import { tinyPdf } from '../intake/support/files';

/**
 * Issue 12, "Tests": forged pending event, forged actor, malformed row and the duplicate-number race,
 * now with every honest change going through the command service (the default of a local
 * composition) and every reader trusting only the service's writes. The forger is the site owner,
 * the one account that keeps write access (directWrites.integration.test.ts shows every persona is
 * refused). What the data layer proves on its own is not repeated here:
 * test/data/integration/integrity.test.ts (writer read through REST and Graph, a non-JSON payload, the
 * approvals queue, the malformed row through Graph) and test/data/integration/numberIssuer.test.ts
 * (20 parallel issue() calls, counters behind the numbers in use, addenda series);
 * test/publication/exportFromLog.integration.test.ts (the public register export after a deleted item or
 * a rewritten state).
 */
describe('integrity of the log and the numbers with the command service as the only writer', () => {
  let tenant: RunningTenant;
  const karel: Actor = { id: KAREL, displayName: 'Karel De Smet', roles: ['dpo', 'dpoTeam'] };
  const references = ['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0003', 'VSA-2026-0004', 'VSA-2026-0005'];

  beforeAll(async () => {
    tenant = await startTenant();
    // The demo seed drives dossiers to every state through the service, awaitingCountersignature included.
    await seed({ baseUrl: tenant.baseUrl, now: new Date('2026-11-25T12:00:00Z') });
    for (const reference of references) {
      expect((await as(tenant, AN).data.commands.execute(reference.replace('2026', '2027'), registerCommand(reference.replace('2026', '2027'), `reg-${reference}`))).ok).toBe(true);
    }
  }, 60000);
  afterAll(async () => tenant?.close());

  const ref = (i: number): string => references[i].replace('2026', '2027');

  it('a forged pending event is reported, and the next honest command through the service does not append it', async () => {
    const reference = ref(0);
    const loaded = await as(tenant, OWNER).data.commands.load(reference);
    const forged = { sequence: loaded.events.length + 1, event: commentEvent('pending-forged:0', reference, karel) };
    await spPost(
      as(tenant, OWNER).sp.web.lists.getByTitle(LIST_DOSSIERS).items.getById(loaded.stream.projection!.itemId),
      body({ [DossierColumn.PendingEvents]: JSON.stringify([forged]) }, { headers: { 'IF-Match': '*', 'X-HTTP-Method': 'MERGE' } })
    );
    expect((await as(tenant, AN).data.commands.load(reference)).ignoredPendingEvents).toEqual(['pending-forged:0']);
    const outcome = await as(tenant, AN).data.commands.execute(reference, commentCommand('honest-after-forgery', 'Eerlijke opmerking'));
    expect(outcome.ok).toBe(true);
    const after = await as(tenant, AN).data.commands.load(reference);
    const ids = after.events.map((item) => item.event.id);
    expect(ids).not.toContain('pending-forged:0');
    expect(ids.some((id) => id.startsWith('honest-after-forgery'))).toBe(true);
    expect(after.events.map((item) => item.event.actor.id)).not.toContain(KAREL);
  });

  it('an event the site owner writes in Karel\'s name makes that dossier fail as tampered; the others load', async () => {
    const reference = ref(1);
    const loaded = await as(tenant, AN).data.commands.load(reference);
    await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_EVENTS).items.add(eventFields({ sequence: loaded.events.length + 1, event: commentEvent('forged-actor:0', reference, karel) }));
    const error = await as(tenant, AN).data.commands.load(reference).then(() => undefined, (e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.tampered')).toBe(true);
    expect(isDataError(error) && error.details?.eventIds).toBe('forged-actor:0');
    // The service refuses to build on it too: an honest command on the tampered dossier stores nothing.
    // The caller is told why (tampered, not "unavailable, try again").
    const refused = await as(tenant, AN).data.commands.execute(reference, commentCommand('on-tampered')).then(() => undefined, (e: unknown) => e);
    expect(hasDataErrorCode(refused, 'data.error.tampered')).toBe(true);
    const events = await getJson<{ value: { EventId: string }[] }>(tenant, OWNER, api(`${listApi(LIST_EVENTS)}/items?$select=EventId&$filter=DossierReference eq '${reference}'`));
    expect(events.value.map((item) => item.EventId).some((id) => id.startsWith('on-tampered'))).toBe(false);
    expect((await as(tenant, AN).data.commands.load(ref(2))).dossier?.reference).toBe(ref(2));
  });

  it('a Dossiers row {"Title":"VSA-2026-9999"} without a state is skipped and reported on a persona\'s register page', async () => {
    const added = (await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_DOSSIERS).items.add({ Title: 'VSA-2026-9999' })) as { Id?: number; ID?: number };
    const page = await as(tenant, ELS).data.dossiers.readRegisterPage({ orderBy: 'reference' });
    expect(page.skipped).toEqual([{ itemId: added.Id ?? added.ID, reason: 'unknown or missing state' }]);
    expect(page.rows.map((row) => row.reference)).toEqual(expect.arrayContaining([ref(0), ref(2)]));
    expect(page.rows.map((row) => row.reference)).not.toContain('VSA-2026-9999');
  });

  it('a projection the site owner rewrites (state, protocol number) changes no dossier: loads replay the log, the next service command restores the row', async () => {
    const reference = ref(3);
    const row = async (): Promise<Record<string, unknown>> =>
      (await getJson<{ value: Record<string, unknown>[] }>(tenant, OWNER, api(`${listApi(LIST_DOSSIERS)}/items?$select=Id,${DossierColumn.State},${DossierColumn.ProtocolNumber}&$filter=Title eq '${reference}'`))).value[0];
    await spPost(
      as(tenant, OWNER).sp.web.lists.getByTitle(LIST_DOSSIERS).items.getById(Number((await row()).Id)),
      body({ [DossierColumn.State]: 'published', [DossierColumn.ProtocolNumber]: 'PROT-2026-990' }, { headers: { 'IF-Match': '*', 'X-HTTP-Method': 'MERGE' } })
    );
    const loaded = await as(tenant, AN).data.commands.load(reference);
    expect(loaded.dossier).toMatchObject({ state: 'intake' });
    expect(loaded.dossier?.protocolNumber).toBeUndefined();
    expect((await as(tenant, AN).data.commands.execute(reference, commentCommand('after-tampered-row'))).ok).toBe(true);
    expect(await row()).toMatchObject({ [DossierColumn.State]: 'intake', [DossierColumn.ProtocolNumber]: null });
  });

  it('a Dossiers row the site owner deletes loses no dossier: it replays from the log and the next service command stores the row again', async () => {
    const reference = ref(4);
    const rows = async (): Promise<{ Id: number }[]> =>
      (await getJson<{ value: { Id: number }[] }>(tenant, OWNER, api(`${listApi(LIST_DOSSIERS)}/items?$select=Id&$filter=Title eq '${reference}'`))).value;
    await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_DOSSIERS).items.getById((await rows())[0].Id).delete();
    expect(await rows()).toHaveLength(0);
    const loaded = await as(tenant, AN).data.commands.load(reference);
    expect(loaded.dossier).toMatchObject({ reference, state: 'intake' });
    expect((await as(tenant, AN).data.commands.execute(reference, commentCommand('after-deleted-row'))).ok).toBe(true);
    expect(await rows()).toHaveLength(1);
    expect((await as(tenant, ELS).data.dossiers.readRegisterPage({ orderBy: 'reference' })).rows.map((r) => r.reference)).toContain(reference);
  });

  it('parallel countersignatures through the service get distinct numbers; the number column refuses a duplicate from the service identity', async () => {
    const waiting = await getJson<{ value: { Id: number; Title: string }[] }>(tenant, OWNER, api(`${listApi(LIST_DOSSIERS)}/items?$select=Id,Title&$filter=DossierState eq 'awaitingCountersignature'`));
    expect(waiting.value.length).toBeGreaterThanOrEqual(2);
    // Each countersignature comes with its countersigned original, stored first.
    const originals = await Promise.all(waiting.value.map(async (row) => {
      const dossier = (await as(tenant, AN).data.commands.load(row.Title)).dossier!;
      const kind = dossier.procedure === 'simplified' ? 'addendum' as const : 'protocol' as const;
      const stored = await as(tenant, AN).data.documents.upload(row.Title, `${kind} medeondertekend.pdf`, tinyPdf(), { kind, phase: 'countersigned' });
      return { id: stored.id, kind, fileName: stored.fileName, version: stored.version };
    }));
    const outcomes = await Promise.all(
      waiting.value.map((row, index) => as(tenant, ELS).data.commands.execute(row.Title, { type: 'countersign', commandId: `race-${row.Title}`, number: 'PROT-2026-999', documents: [originals[index]] }))
    );
    const numbers = outcomes.map((outcome) => {
      if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
      return outcome.dossier.addendumNumber ?? outcome.dossier.protocolNumber;
    });
    expect(numbers.every((number) => typeof number === 'string' && number.length > 0)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    // The body's number (one the counter cannot have reached) is ignored: the counter gives it.
    expect(numbers).not.toContain('PROT-2026-999');

    // Even the trusted writer cannot store a number twice: the unique column refuses it.
    const service = createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service' }).sp.web.lists.getByTitle(LIST_DOSSIERS);
    const used = numbers.find((number) => number?.startsWith('PROT-') && !number.includes('/A')) ?? numbers[0]!;
    const column = used.includes('/A') ? DossierColumn.AddendumNumber : DossierColumn.ProtocolNumber;
    await expect(service.items.add({ Title: 'VSA-2026-8888', [DossierColumn.State]: 'signed', [column]: used })).rejects.toThrow();
    const otherItem = (await getJson<{ value: { Id: number }[] }>(tenant, OWNER, api(`${listApi(LIST_DOSSIERS)}/items?$select=Id&$filter=Title eq '${ref(2)}'`))).value[0];
    await expect(spPost(service.items.getById(otherItem.Id), body({ [column]: used }, { headers: { 'IF-Match': '*', 'X-HTTP-Method': 'MERGE' } }))).rejects.toThrow();
    const holders = await getJson<{ value: unknown[] }>(tenant, OWNER, api(`${listApi(LIST_DOSSIERS)}/items?$select=Id&$filter=${column} eq '${used}'`));
    expect(holders.value).toHaveLength(1);
  }, 60000);
});

/** A `CommentAdded` event as the domain writes it, in the name of `actor`. */
function commentEvent(id: string, reference: string, actor: Actor): DossierEvent {
  return { id, type: 'CommentAdded', dossierReference: reference, actor, at: '2026-11-26T10:00:00.000Z', text: 'Vervalst' } as DossierEvent;
}
