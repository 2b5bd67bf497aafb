import { decide } from '../../../src/domain/decide';
import { hasDataErrorCode } from '../../../src/data/errors';
import { SharePointEventStore } from '../../../src/data/sharepoint/eventStore';
import { commentCommand, registerCommand } from '../support/fixtures';
import { AN, as, GAST, localHook, OWNER, SOFIE, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

describe('throttling and store-side permissions', () => {
  let tenant: RunningTenant;
  const reference = 'VSA-2026-0001';
  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
    const an = as(tenant, AN).data;
    expect((await an.commands.execute(reference, registerCommand(reference, 'reg'), await an.directory.currentActor())).ok).toBe(true);
  });
  afterAll(async () => tenant?.close());

  it('a throttled event append (429 + Retry-After) succeeds after retry with no duplicate event', async () => {
    const an = as(tenant, AN).data;
    await localHook(tenant, 'faults', { method: 'POST', pathContains: "getByTitle('Dossiergebeurtenissen')/items", status: 429, times: 1 });
    const outcome = await an.commands.execute(reference, commentCommand('throttled'), await an.directory.currentActor());
    expect(outcome.ok).toBe(true);
    const events = await an.events.readEvents(reference);
    expect(events.filter((e) => e.event.id === 'throttled:0')).toHaveLength(1);
    expect(events.map((e) => e.sequence)).toEqual([1, 2]);
  });

  it('a 503 on the $batch read and on the If-Match write are retried; the transition lands once', async () => {
    const an = as(tenant, AN).data;
    await localHook(tenant, 'faults', { method: 'POST', pathContains: '$batch', status: 503, times: 1, retryAfterSeconds: 0 });
    await localHook(tenant, 'faults', { method: 'POST', pathContains: "getByTitle('Dossiers')/items(", status: 503, times: 1, retryAfterSeconds: 0 });
    const outcome = await an.commands.execute(reference, commentCommand('unavailable'), await an.directory.currentActor());
    expect(outcome.ok).toBe(true);
    const events = await an.events.readEvents(reference);
    expect(events.filter((e) => e.event.id === 'unavailable:0')).toHaveLength(1);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    const faults = (await localHook(tenant, 'faults')) as unknown;
    expect(JSON.stringify(faults)).not.toContain('items(');
  });

  it('a throttled Graph sendMail is retried by the Graph middleware and lands once in the outbox', async () => {
    const an = as(tenant, AN);
    await localHook(tenant, 'faults', { method: 'POST', pathContains: '/sendMail', status: 429, times: 1 });
    await an.data.notifier!.sendMail({ to: ['hanne.vos@ugent.example'], subject: 'Test – VSA-2026-0001', body: 'x', fromMailbox: 'data-aanvragen@vsa.local' });
    const outbox = (await localHook(tenant, 'outbox')) as unknown;
    const items = (Array.isArray(outbox) ? outbox : ((outbox as { value?: unknown[] }).value ?? [])) as Record<string, unknown>[];
    expect(items.filter((m) => JSON.stringify(m).includes('Test – VSA-2026-0001'))).toHaveLength(1);
  }, 20000);

  it('a user outside the groups is refused by the store even when the domain is bypassed', async () => {
    const an = as(tenant, AN).data;
    const anActor = await an.directory.currentActor();
    const loaded = await an.commands.load(reference);
    // Decide as An (the domain allows it), then write as the guest: the store must refuse.
    const decision = decide(loaded.dossier, commentCommand('bypass'), anActor, '2026-02-01T10:00:00.000Z');
    if (!decision.ok) throw new Error('setup');
    const guest = as(tenant, GAST);
    const appendError = await new SharePointEventStore(guest.sp)
      .appendEvents([{ sequence: loaded.events.length + 1, event: decision.events[0] }])
      .catch((e: unknown) => e);
    expect(hasDataErrorCode(appendError, 'data.error.accessDenied')).toBe(true);
    const projection = loaded.stream.projection!;
    const updateError = await guest.data.dossiers
      .updateProjection(projection.itemId, projection.etag, { dossier: loaded.dossier!, eventCount: 99, pendingEvents: [] })
      .catch((e: unknown) => e);
    expect(hasDataErrorCode(updateError, 'data.error.accessDenied')).toBe(true);
    const readError = await guest.data.dossiers.readRegisterPage({}).catch((e: unknown) => e);
    expect(hasDataErrorCode(readError, 'data.error.accessDenied')).toBe(true);
    expect((await an.events.readEvents(reference)).some((e) => e.event.id === 'bypass:0')).toBe(false);
  });

  it('a VSA member writing the lists directly is refused too (Read only); the guest is refused by the service (403)', async () => {
    const an = as(tenant, AN).data;
    const anActor = await an.directory.currentActor();
    const loaded = await an.commands.load(reference);
    const decision = decide(loaded.dossier, commentCommand('member-bypass'), anActor, '2026-02-01T10:00:00.000Z');
    if (!decision.ok) throw new Error('setup');
    // The domain allows An the comment; only the service may write it.
    const appendError = await new SharePointEventStore(as(tenant, AN).sp)
      .appendEvents([{ sequence: loaded.events.length + 1, event: decision.events[0] }])
      .catch((e: unknown) => e);
    expect(hasDataErrorCode(appendError, 'data.error.accessDenied')).toBe(true);
    const projection = loaded.stream.projection!;
    const updateError = await an.dossiers
      .updateProjection(projection.itemId, projection.etag, { dossier: loaded.dossier!, eventCount: 99, pendingEvents: [] })
      .catch((e: unknown) => e);
    expect(hasDataErrorCode(updateError, 'data.error.accessDenied')).toBe(true);
    // The guest through the service: no VSA role, 403 before anything is decided.
    const guest = as(tenant, GAST).data;
    const guestActor = { id: GAST, displayName: 'Gast', roles: [] };
    const serviceError = await guest.commands.execute(reference, commentCommand('guest-service'), guestActor).catch((e: unknown) => e);
    expect(hasDataErrorCode(serviceError, 'data.error.accessDenied')).toBe(true);
    expect((serviceError as { status?: number }).status).toBe(403);
    const ids = (await an.events.readEvents(reference)).map((e) => e.event.id);
    expect(ids).not.toContain('member-bypass:0');
    expect(ids).not.toContain('guest-service:0');
  });

  it('the event log is append-only: a group member cannot update or delete an event', async () => {
    const sofie = as(tenant, SOFIE);
    const items = (await sofie.sp.web.lists.getByTitle('Dossiergebeurtenissen').items.select('Id').top(1)()) as { Id: number }[];
    const item = sofie.sp.web.lists.getByTitle('Dossiergebeurtenissen').items.getById(items[0].Id);
    await expect(item.update({ Title: 'Vervalst' })).rejects.toMatchObject({ status: 403 });
    await expect(item.delete()).rejects.toMatchObject({ status: 403 });
  });
});
