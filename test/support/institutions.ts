/**
 * An in-memory `InstitutionStore` that behaves as the SharePoint adapter does (ids from 1, a revision per
 * write, If-Match on update with the adapter's conflict error naming who changed it, unique numbers,
 * versions newest first), and invented institutions (never real people).
 */
import { DataError } from '../../src/data/errors';
import type { InstitutionStore, InstitutionVersion } from '../../src/data/ports';
import type { Institution } from '../../src/domain/institutions';
import { formatEnterpriseNumber, normalizeEnterpriseNumber } from '../../src/domain/institutionRules';

/** Invented institution with a valid number (97 − (01234567 mod 97) = 49). */
export const denkbeeld: Institution = {
  id: '',
  name: 'Hogeschool Denkbeeld',
  enterpriseNumber: '0123456749',
  kind: 'onderzoeksinstelling',
  signatories: [{ name: 'Griet Verzonnen', capacity: 'wettelijk vertegenwoordiger', validFrom: '2025-01-01' }],
  mandates: [],
  dpo: { name: 'Lies Fictief', email: 'dpo@denkbeeld.example' }
};

/** A second invented institution (valid number 0316380940). */
export const departement: Institution = {
  id: '',
  name: 'Departement Verbeelding',
  enterpriseNumber: '0316380940',
  kind: 'overheidsdienst',
  signatories: [],
  mandates: []
};

export class MemoryInstitutionStore implements InstitutionStore {
  public reads = 0;
  public writes = 0;
  private nextId = 1;
  private readonly versions = new Map<string, InstitutionVersion[]>();

  public constructor(initial: readonly Institution[] = [], private editor = 'An Peeters', private readonly clock = (): string => '2026-11-25T10:00:00.000Z') {
    for (const institution of initial) this.write({ ...institution, id: '' }, 'Seed');
  }

  /** Who writes next (the fake's signed-in person). */
  public as(editor: string): MemoryInstitutionStore {
    this.editor = editor;
    return this;
  }

  public async list(): Promise<Institution[]> {
    this.reads++;
    return [...this.versions.values()].map((versions) => versions[0].institution).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }

  public async get(id: string): Promise<Institution | undefined> {
    return this.versions.get(id)?.[0].institution;
  }

  public async save(institution: Institution): Promise<Institution> {
    return this.write(institution, this.editor);
  }

  public async history(id: string): Promise<InstitutionVersion[]> {
    return [...(this.versions.get(id) ?? [])];
  }

  private write(institution: Institution, by: string): Institution {
    const current = institution.id === '' ? undefined : this.versions.get(institution.id)?.[0];
    if (institution.id !== '' && !current) throw new DataError('data.error.notFound', 'gone', 404, { serviceCode: 'institution.error.notFound', params: {} });
    if (current && institution.revision !== undefined && institution.revision !== current.institution.revision) {
      throw new DataError('data.error.conflict', 'changed (412)', 412, { serviceCode: 'institution.error.conflict', params: { name: current.institution.name, by: current.modifiedBy ?? '?' } });
    }
    const number = normalizeEnterpriseNumber(institution.enterpriseNumber);
    const taken = [...this.versions.entries()].some(([id, versions]) => id !== institution.id && versions[0].institution.enterpriseNumber === number);
    if (taken) throw new DataError('data.error.invalidInput', 'duplicate', 409, { serviceCode: 'institution.error.enterpriseNumberTaken', params: { number: formatEnterpriseNumber(number) } });
    this.writes++;
    const id = institution.id === '' ? String(this.nextId++) : institution.id;
    const history = this.versions.get(id) ?? [];
    const label = `${history.length + 1}.0`;
    const stored: Institution = { ...institution, id, enterpriseNumber: number, modified: this.clock(), modifiedBy: by, revision: `"${id},${history.length + 1}"` };
    this.versions.set(id, [{ label, modified: this.clock(), modifiedBy: by, current: true, institution: stored }, ...history.map((version) => ({ ...version, current: false }))]);
    return stored;
  }
}
