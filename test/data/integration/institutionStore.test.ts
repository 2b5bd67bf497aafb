import { formatFailure, isConflict } from '../../../src/app/failures';
import { hasDataErrorCode } from '../../../src/data/errors';
import { LIST_INSTITUTIONS } from '../../../src/data/schema';
import { SharePointInstitutionStore } from '../../../src/data/sharepoint/institutionStore';
import type { Institution } from '../../../src/domain/institutions';
import { AN, ELS, GAST, JEROEN, OWNER, SOFIE, as, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

type Fields = Record<string, unknown>;

/** Invented institution; 0123456749 is a valid number (97 − 01234567 mod 97 = 49). */
const nieuw: Institution = {
  id: '',
  name: 'Hogeschool Denkbeeld',
  enterpriseNumber: '0123.456.749',
  kind: 'onderzoeksinstelling',
  signatories: [{ name: 'Griet Verzonnen', capacity: 'wettelijk vertegenwoordiger', validFrom: '2025-01-01' }],
  mandates: [{ mandatedPerson: 'Bart Bedacht', documentFileName: 'volmacht-bedacht.pdf', scope: 'protocollen met Statistiek Vlaanderen', validFrom: '2026-01-01', validTo: '2026-12-31' }],
  dpo: { name: 'Lies Fictief', email: 'dpo@denkbeeld.example' }
};

describe('SharePointInstitutionStore against the local tenant', () => {
  let tenant: RunningTenant;
  const storeAs = (email: string): SharePointInstitutionStore => new SharePointInstitutionStore(as(tenant, email).sp);

  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  });
  afterAll(async () => tenant?.close());

  it('given the provisioned list, then it has versioning on and the DPO team may write it', async () => {
    const list = (await as(tenant, OWNER).sp.web.lists.getByTitle(LIST_INSTITUTIONS).select('EnableVersioning', 'Title')()) as unknown as Fields;
    expect(list.EnableVersioning).toBe(true);
    // Provisioning again changes nothing (idempotent).
    expect((await as(tenant, OWNER).data.provisioner.ensureAll()).created).toEqual([]);
  });

  it('given an institution added by the DPO team, then everyone reads it back as written (number as 10 digits)', async () => {
    const stored = await storeAs(AN).save(nieuw);
    expect(stored).toMatchObject({
      name: 'Hogeschool Denkbeeld', enterpriseNumber: '0123456749', kind: 'onderzoeksinstelling',
      signatories: nieuw.signatories, mandates: nieuw.mandates, dpo: nieuw.dpo, modifiedBy: 'An Peeters'
    });
    expect(stored.id).toMatch(/^\d+$/);
    expect(stored.revision).toBeTruthy();
    const listed = await storeAs(ELS).list();
    expect(listed.map((i) => i.name)).toEqual(['Hogeschool Denkbeeld']);
    expect(await storeAs(SOFIE).get(stored.id)).toEqual(stored);
    expect(await storeAs(SOFIE).get('9999')).toBeUndefined();
  });

  it('given two edits from the same version, then the second is refused naming who changed it, and nothing is overwritten', async () => {
    const [read] = await storeAs(AN).list();
    const first = await storeAs(JEROEN).save({ ...read, signatories: [...read.signatories, { name: 'Nieuwe Ondertekenaar', capacity: 'verwerkingsverantwoordelijke', validFrom: '2026-03-01' }] });
    expect(first.revision).not.toBe(read.revision);
    const second = storeAs(AN).save({ ...read, dpo: { name: 'Iemand Anders', email: 'ander@denkbeeld.example' } });
    const failure = await second.catch((error: unknown) => error);
    expect(isConflict(failure)).toBe(true);
    expect(formatFailure(failure, 'nl')).toBe('Hogeschool Denkbeeld werd intussen door Jeroen Maes gewijzigd; laad opnieuw en breng uw wijziging opnieuw aan.');
    expect(formatFailure(failure, 'en')).toBe('Hogeschool Denkbeeld was changed in the meantime by Jeroen Maes; reload and make your change again.');
    const now = await storeAs(AN).get(read.id);
    expect(now?.dpo).toEqual(nieuw.dpo);
    expect(now?.signatories.map((s) => s.name)).toEqual(['Griet Verzonnen', 'Nieuwe Ondertekenaar']);
    // With the fresh revision the same edit goes through.
    const retried = await storeAs(AN).save({ ...now!, dpo: { name: 'Iemand Anders', email: 'ander@denkbeeld.example' } });
    expect(retried.dpo).toEqual({ name: 'Iemand Anders', email: 'ander@denkbeeld.example' });
  });

  it('given a number already in the register, then the list refuses the duplicate with the register’s own message', async () => {
    const failure = await storeAs(AN).save({ ...nieuw, name: 'Kopie' }).catch((error: unknown) => error);
    expect(hasDataErrorCode(failure, 'data.error.invalidInput')).toBe(true);
    expect(formatFailure(failure, 'nl')).toBe('Ondernemingsnummer 0123.456.749 staat al in het register.');
  });

  it('given three writes, then the history has three versions, newest first, each with who and what', async () => {
    const [institution] = await storeAs(AN).list();
    const history = await storeAs(ELS).history(institution.id);
    expect(history.map((v) => [v.label, v.current, v.modifiedBy])).toEqual([
      ['3.0', true, 'An Peeters'],
      ['2.0', false, 'Jeroen Maes'],
      ['1.0', false, 'An Peeters']
    ]);
    expect(history[2].institution.signatories.map((s) => s.name)).toEqual(['Griet Verzonnen']);
    expect(history[1].institution.signatories.map((s) => s.name)).toEqual(['Griet Verzonnen', 'Nieuwe Ondertekenaar']);
    expect(history[0].institution.dpo?.name).toBe('Iemand Anders');
    expect(Date.parse(history[0].modified)).not.toBeNaN();
  });

  it('given a reader outside the DPO team or a guest, then writing or reading is refused by SharePoint', async () => {
    const [institution] = await storeAs(AN).list();
    const byStatistician = await storeAs(SOFIE).save({ ...institution, name: 'Gewijzigd' }).catch((error: unknown) => error);
    expect(hasDataErrorCode(byStatistician, 'data.error.accessDenied')).toBe(true);
    const byGuest = await storeAs(GAST).list().catch((error: unknown) => error);
    expect(hasDataErrorCode(byGuest, 'data.error.accessDenied')).toBe(true);
  });

  it('given an item whose JSON was broken by hand, then reading says the data is corrupt (naming the item, not its content)', async () => {
    const owner = as(tenant, OWNER).sp;
    const created = (await owner.web.lists.getByTitle(LIST_INSTITUTIONS).items.add({ Title: 'Kapot', EnterpriseNumber: '0316380940', InstitutionKind: 'andere', Signatories: '[{"name": ' })) as unknown as Fields;
    const id = String((created as { Id?: unknown; ID?: unknown }).Id ?? (created as { ID?: unknown }).ID ?? (created as { data?: Fields }).data?.Id);
    const failure = await storeAs(AN).list().catch((error: unknown) => error);
    expect(hasDataErrorCode(failure, 'data.error.corrupt')).toBe(true);
    expect((failure as Error).message).toContain(`item ${id}`);
    await owner.web.lists.getByTitle(LIST_INSTITUTIONS).items.getById(Number(id)).delete();
  });
});
