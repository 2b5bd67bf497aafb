import { projectionFields, registerRowFromItem } from '../../../src/data/sharepoint/itemMapping';
import { DossierColumn, LISTS, LIST_DOSSIERS } from '../../../src/data/schema';
import { REGISTER_SELECT, buildRegisterQuery } from '../../../src/data/sharepoint/registerQuery';
import { replay } from '../../../src/domain';
import type { DossierCondition } from '../../../src/domain/advice';
import { conditionFollowUp, followUpOverdue } from '../../../src/domain/conditionFollowUp';
import type { Dossier } from '../../../src/domain/types';
import { eventsIn } from '../../domain/support/paths';

const met = { by: { id: 'an.peeters@vsa.local', displayName: 'An Peeters' }, at: '2026-10-01T10:00:00.000Z', evidence: 'Attest ontvangen.' };
const conditions: DossierCondition[] = [
  { id: 'C1', text: 'Publiceer enkel cellen met minstens 10 respondenten.', category: 'publication', owner: 'requester', status: 'open' },
  { id: 'C2', text: 'Verslag toegangscontrole.', category: 'security', owner: 'requester', dueDate: '2026-09-30', status: 'open' },
  { id: 'C3', text: 'Vernietigingsattest.', category: 'retention', owner: 'requester', dueDate: '2026-08-01', status: 'met', met },
  { id: 'C4', text: 'Klassen van vijf jaar.', category: 'variables', owner: 'vsa', dueDate: '2027-01-31', status: 'open' }
];

describe('the follow-up of conditions (domain)', () => {
  it('counts the open conditions and takes the first due date among them (a met one no longer counts)', () => {
    expect(conditionFollowUp(conditions)).toEqual({ open: 3, nextDue: '2026-09-30' });
    expect(conditionFollowUp([conditions[0]])).toEqual({ open: 1 });
    expect(conditionFollowUp([])).toEqual({ open: 0 });
    expect(followUpOverdue({ open: 3, nextDue: '2026-09-30' }, '2026-10-01')).toBe(true);
    expect(followUpOverdue({ open: 3, nextDue: '2026-09-30' }, '2026-09-30')).toBe(false);
    expect(followUpOverdue({ open: 0, nextDue: '2026-09-30' }, '2026-12-01')).toBe(false);
  });
});

describe('the OpenConditions and NextConditionDue columns', () => {
  const base = replay(eventsIn('underReview')) as Dossier;

  it('are written by the projection and read into the register row; rows without them have none to follow', () => {
    const fields = projectionFields({ dossier: { ...base, conditions }, eventCount: 4, pendingEvents: [] });
    expect([fields[DossierColumn.OpenConditions], fields[DossierColumn.NextConditionDue]]).toEqual([3, '2026-09-30T00:00:00Z']);
    const row = registerRowFromItem({ ...fields, Id: 3 });
    expect([row.openConditions, row.nextConditionDue]).toEqual([3, '2026-09-30']);
    const none = projectionFields({ dossier: base, eventCount: 4, pendingEvents: [] });
    // A dossier whose last condition is met clears the due date (null, so SharePoint empties the column).
    expect([none[DossierColumn.OpenConditions], none[DossierColumn.NextConditionDue]]).toEqual([0, null]);
    const plain = registerRowFromItem({ ...none, Id: 4 });
    expect('openConditions' in plain || 'nextConditionDue' in plain).toBe(false);
    const { [DossierColumn.OpenConditions]: _o, [DossierColumn.NextConditionDue]: _n, ...old } = fields;
    const legacy = registerRowFromItem({ ...old, Id: 5 });
    expect('openConditions' in legacy || 'nextConditionDue' in legacy).toBe(false);
    expect(registerRowFromItem({ ...fields, Id: 6, [DossierColumn.OpenConditions]: 'x' }).openConditions).toBeUndefined();
  });

  it('are provisioned (a number and a date, not indexed), selected by the register and never filtered server-side', () => {
    const list = LISTS.find((candidate) => candidate.title === LIST_DOSSIERS)!;
    expect(list.columns.find((c) => c.internalName === DossierColumn.OpenConditions)).toMatchObject({ indexed: false });
    expect(list.columns.find((c) => c.internalName === DossierColumn.NextConditionDue)).toMatchObject({ indexed: false });
    expect(REGISTER_SELECT).toEqual(expect.arrayContaining([DossierColumn.OpenConditions, DossierColumn.NextConditionDue]));
    expect(buildRegisterQuery({ states: ['signed'] }).usedColumns).not.toContain(DossierColumn.OpenConditions);
  });
});
