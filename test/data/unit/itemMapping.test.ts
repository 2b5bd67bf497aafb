import { decide } from '../../../src/domain/decide';
import { evolve } from '../../../src/domain/evolve';
import { isDataError } from '../../../src/data/errors';
import { eventFields, eventFromItem, normalizeEvents, projectionFields, projectionFromItem, registerRowFromItem } from '../../../src/data/sharepoint/itemMapping';
import type { SequencedEvent } from '../../../src/data/ports';
import { an, nastyTitle, registerCommand } from '../support/fixtures';

function registered(): SequencedEvent {
  const result = decide(undefined, registerCommand('VSA-2026-0001', 'c1', nastyTitle), an, '2026-01-15T09:00:00.000Z');
  if (!result.ok) throw new Error('setup');
  return { sequence: 1, event: result.events[0] };
}

describe('item mapping', () => {
  it('round-trips an event with a hostile title through its list columns', () => {
    const sequenced = registered();
    const fields = eventFields(sequenced);
    expect(fields.Title).toBe('DossierRegistered');
    expect(fields.EventId).toBe('c1:0');
    expect(eventFromItem({ Id: 9, ...fields })).toEqual(sequenced);
  });

  it('round-trips the projection: snapshot, pending events, register columns', () => {
    const sequenced = registered();
    const dossier = evolve(undefined, sequenced.event);
    const fields = projectionFields({ dossier, eventCount: 1, pendingEvents: [sequenced] });
    expect(fields.Subject).toBe(nastyTitle);
    expect(fields.DossierState).toBe('intake');
    expect(fields.ReceivedOn).toBe('2026-01-15T00:00:00Z');
    const projection = projectionFromItem({ Id: 4, 'odata.etag': '"1"', ...fields });
    expect(projection).toMatchObject({ itemId: 4, etag: '"1"', reference: 'VSA-2026-0001', eventCount: 1, pendingEvents: [sequenced] });
    expect(projection.snapshot).toEqual(dossier);
    const row = registerRowFromItem({ Id: 4, ...fields });
    expect(row).toMatchObject({ reference: 'VSA-2026-0001', subject: nastyTitle, state: 'intake', receivedOn: '2026-01-15', institution: 'Universiteit Gent' });
  });

  it('truncates single-line text to 255 characters but keeps the full value in the snapshot', () => {
    const sequenced = registered();
    const dossier = { ...evolve(undefined, sequenced.event), subject: 'x'.repeat(400) };
    const fields = projectionFields({ dossier, eventCount: 1, pendingEvents: [] });
    expect(String(fields.Subject)).toHaveLength(255);
    expect(JSON.parse(String(fields.Snapshot)).subject).toHaveLength(400);
  });

  it('reports a corrupt payload clearly instead of crashing', () => {
    const bad = eventFields(registered());
    const error = (() => {
      try {
        eventFromItem({ ...bad, Payload: '{not json' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isDataError(error) && error.code).toBe('data.error.corrupt');
    expect(() => eventFromItem({ ...bad, EventId: 'other:0' })).toThrow('malformed');
    expect(() => registerRowFromItem({ Id: 1, Title: 'X', DossierState: 'nonsense' })).toThrow('unknown state');
    expect(() => projectionFromItem({ Id: 1, Title: 'X' })).toThrow('no id or ETag');
  });

  it('orders by sequence and drops a repeated event id', () => {
    const a = registered();
    const b = { sequence: 2, event: { ...a.event, id: 'c2:0', type: 'CommentAdded', text: 'x' } } as SequencedEvent;
    expect(normalizeEvents([b, a, { ...a }]).map((e) => e.event.id)).toEqual(['c1:0', 'c2:0']);
  });
});
