import { GROUPS, InstitutionColumn, LIST_INSTITUTIONS, RoleDefinitionId, groupLevelOn, indexedColumns, listSpec } from '../../../src/data/schema';
import { INSTITUTION_KINDS } from '../../../src/domain/institutionRules';
import { institutionOfItem, itemFieldsOf } from '../../../src/data/sharepoint/institutionStore';
import { hasDataErrorCode } from '../../../src/data/errors';
import type { Institution } from '../../../src/domain/institutions';

describe('the Instellingen list in the schema', () => {
  const spec = listSpec(LIST_INSTITUTIONS);

  it('holds the name, a unique indexed enterprise number, the kind as a choice of the domain’s kinds, JSON notes and the DPO', () => {
    const byName = new Map(spec.columns.map((column) => [column.internalName, column]));
    expect(byName.get(InstitutionColumn.EnterpriseNumber)).toMatchObject({ indexed: true, unique: true, required: true });
    expect(byName.get(InstitutionColumn.Kind)?.choices).toEqual(INSTITUTION_KINDS);
    expect(byName.get(InstitutionColumn.Signatories)?.kind).toBe(3);
    expect(byName.get(InstitutionColumn.Mandates)?.kind).toBe(3);
    expect([...byName.keys()]).toEqual(expect.arrayContaining([InstitutionColumn.DpoName, InstitutionColumn.DpoEmail]));
    expect(indexedColumns(LIST_INSTITUTIONS)).toEqual(new Set(['ID', 'Id', 'Title', InstitutionColumn.EnterpriseNumber]));
  });

  it('keeps versions (the history) and lets only the DPO team write', () => {
    expect(spec.versioning).toBe(true);
    for (const group of GROUPS) expect([group.role, groupLevelOn(spec, group.role)]).toEqual([group.role, group.role === 'dpoTeam' ? RoleDefinitionId.Contribute : RoleDefinitionId.Read]);
  });
});

describe('an institution as a list item and back', () => {
  const institution: Institution = {
    id: '7', name: 'Hogeschool Denkbeeld', enterpriseNumber: '0123.456.749', kind: 'andere',
    signatories: [{ name: 'Griet Verzonnen', capacity: 'wettelijk vertegenwoordiger', validFrom: '2025-01-01' }],
    mandates: [{ mandatedPerson: 'Bart Bedacht', scope: 'protocollen', validFrom: '2026-01-01', validTo: '2026-12-31' }]
  };

  it('round-trips, the number stored as 10 digits and an absent DPO as empty columns', () => {
    const fields = itemFieldsOf(institution);
    expect(fields).toMatchObject({ Title: 'Hogeschool Denkbeeld', EnterpriseNumber: '0123456749', InstitutionKind: 'andere', DpoName: null, DpoEmail: null });
    expect(institutionOfItem({ ...fields, Modified: '2026-11-25T10:00:00Z', Editor: { Title: 'An Peeters' } }, '7', '"7,1"')).toEqual({
      ...institution, enterpriseNumber: '0123456749', modified: '2026-11-25T10:00:00.000Z', modifiedBy: 'An Peeters', revision: '"7,1"'
    });
  });

  it('refuses an item with an unknown kind or capacity as corrupt, naming the item', () => {
    const fields = itemFieldsOf(institution);
    const wrongKind = (): unknown => institutionOfItem({ ...fields, InstitutionKind: 'ngo' }, '7');
    expect(() => wrongKind()).toThrow(/item 7/);
    let caught: unknown;
    try {
      institutionOfItem({ ...fields, Signatories: '[{"name":"X","capacity":"gevolmachtigde","validFrom":"2026-01-01"}]' }, '7');
    } catch (error) {
      caught = error;
    }
    expect(hasDataErrorCode(caught, 'data.error.corrupt')).toBe(true);
  });
});
