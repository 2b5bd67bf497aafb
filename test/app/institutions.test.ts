import { InstitutionRegister } from '../../src/app/institutions';
import { createRegisterService } from '../../src/app/registerService';
import { formatFailure } from '../../src/app/failures';
import { formatError } from '../../src/domain/formatError';
import type { Actor, Dossier } from '../../src/domain/types';
import { dpoMember, statistician } from '../ui/support/dossiers';
import { threeDossierTenant } from '../webparts/register/support/fakeBackend';
import { MemoryInstitutionStore, denkbeeld, departement } from '../support/institutions';

const now = '2026-11-25T10:00:00.000Z';

describe('the institution register (application)', () => {
  it('given a screen that asks often, then the list is read once per minute, and again right after a save', async () => {
    let time = 0;
    const store = new MemoryInstitutionStore([denkbeeld]);
    const register = new InstitutionRegister(store, { now: () => time });
    await register.list();
    await register.list();
    expect(store.reads).toBe(1);
    time = 61_000;
    await register.list();
    expect(store.reads).toBe(2);
    await register.save({ ...departement });
    const after = await register.list();
    expect(after.map((i) => i.name)).toEqual(['Departement Verbeelding', 'Hogeschool Denkbeeld']);
  });

  it('given a record with problems, then nothing is stored and the refusal is in Dutch and English', async () => {
    const store = new MemoryInstitutionStore([denkbeeld]);
    const register = new InstitutionRegister(store);
    const failure = await register.save({ ...departement, enterpriseNumber: '0316.380.941', signatories: [{ name: '', capacity: 'verwerkingsverantwoordelijke', validFrom: '2026-01-01' }] }).catch((e: unknown) => e);
    expect(formatFailure(failure, 'nl')).toBe('De gegevens van Departement Verbeelding zijn niet in orde (2 probleem/problemen); verbeter ze en bewaar opnieuw.');
    expect(formatFailure(failure, 'en')).toBe('The data of Departement Verbeelding is not in order (2 problem(s)); correct it and save again.');
    expect(store.writes).toBe(1);
  });

  it('given a number typed with dots and names with spaces, then the record is stored normalised', async () => {
    const store = new MemoryInstitutionStore();
    const stored = await new InstitutionRegister(store).save({ ...departement, name: ' Departement Verbeelding ', enterpriseNumber: '0316.380.940', dpo: { name: '', email: '' } });
    expect(stored).toMatchObject({ name: 'Departement Verbeelding', enterpriseNumber: '0316380940' });
    expect(stored.dpo).toBeUndefined();
  });

  it('given the same number as another institution, then it is refused before writing', async () => {
    const store = new MemoryInstitutionStore([denkbeeld]);
    const failure = await new InstitutionRegister(store).save({ ...departement, enterpriseNumber: '0123 456 749' }).catch((e: unknown) => e);
    expect(formatFailure(failure, 'nl')).toContain('(1 probleem/problemen)');
    expect(store.writes).toBe(1);
  });

  it('given a name or number, then find answers as the domain’s findInstitution (what signer matching reads)', async () => {
    const register = new InstitutionRegister(new MemoryInstitutionStore([denkbeeld, departement]));
    expect((await register.find('Iets anders', '0123.456.749'))?.name).toBe('Hogeschool Denkbeeld');
    expect((await register.find('DÉPARTEMENT verbeelding'))?.name).toBe('Departement Verbeelding');
    expect(await register.find('Universiteit Elders')).toBeUndefined();
  });

  it('given a dossier in step 1 whose institution is not in the register, then it is flagged; in later steps, known or individual, not', async () => {
    const register = new InstitutionRegister(new MemoryInstitutionStore([denkbeeld]));
    const dossier = (state: Dossier['state'], institution: string | undefined, isIndividual = false): Dossier =>
      ({ state, requester: { institution, isIndividual, contact: { name: 'X', email: 'x@x.example' } } }) as unknown as Dossier;
    const notice = await register.noticeFor(dossier('intake', 'Universiteit Elders'));
    expect(notice && formatError({ kind: 'guard', ...notice }, 'nl')).toBe('Universiteit Elders staat niet in het register van instellingen: het DPO-team gaat na of de instelling in aanmerking komt en voegt ze toe.');
    expect(await register.noticeFor(dossier('preliminary', 'Universiteit Elders'))).toBeDefined();
    expect(await register.noticeFor(dossier('underReview', 'Universiteit Elders'))).toBeUndefined();
    expect(await register.noticeFor(dossier('intake', 'hogeschool DENKBEELD'))).toBeUndefined();
    expect(await register.noticeFor(dossier('intake', undefined, true))).toBeUndefined();
    expect(await register.eligibilityOf({ isIndividual: true, contact: { name: 'X', email: 'x@x.example' } })).toEqual({ status: 'individual' });
  });
});

describe('the register service and the institution register', () => {
  const serviceWith = (store: MemoryInstitutionStore, actor: Actor = dpoMember) => {
    const tenant = threeDossierTenant(actor);
    let ids = 0;
    return createRegisterService(tenant.backend(() => now), { clock: () => now, newCommandId: () => `cmd-${++ids}`, institutions: new InstitutionRegister(store) });
  };

  it('offers the "Instellingen" calls to the DPO team only', () => {
    const service = serviceWith(new MemoryInstitutionStore());
    expect(service.institutionsFor(dpoMember)).toBeDefined();
    expect(service.institutionsFor(statistician)).toBeUndefined();
    expect(service.institutionsFor(undefined)).toBeUndefined();
    expect(createRegisterService(threeDossierTenant(dpoMember).backend(() => now)).institutionsFor(dpoMember)).toBeUndefined();
  });

  it('given a new dossier of an institution outside the register, then it is registered with a notice for the DPO team (not refused)', async () => {
    const service = serviceWith(new MemoryInstitutionStore([denkbeeld]));
    const registered = await service.registerNew(
      { requester: { institution: 'Universiteit Elders', institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: 'Eva Maes', email: 'eva@elders.example' } }, subject: 'Armoede' },
      dpoMember
    );
    expect(registered.outcome.ok && registered.outcome.warnings.map((w) => w.code)).toEqual(['institution.warning.notInRegister']);
    const known = await service.registerNew(
      { requester: { institution: 'Hogeschool Denkbeeld', isIndividual: false, contact: { name: 'Eva Maes', email: 'eva@denkbeeld.example' } }, subject: 'Armoede' },
      dpoMember
    );
    expect(known.outcome.ok && known.outcome.warnings).toEqual([]);
    const opened = await service.open(registered.reference);
    expect((await service.institutionNoticeOf(opened.dossier))?.code).toBe('institution.warning.notInRegister');
  });

  it('given an individual, then the only commands offered are "not admissible" and recording its mail', async () => {
    const service = serviceWith(new MemoryInstitutionStore([denkbeeld]));
    const registered = await service.registerNew({ requester: { isIndividual: true, contact: { name: 'Nele', email: 'nele@mail.example' } }, subject: 'Thesis' }, dpoMember);
    expect(registered.outcome.ok && registered.outcome.warnings.map((w) => w.code)).toEqual(['dossier.warning.requesterNotEligible']);
    const opened = await service.open(registered.reference);
    expect(service.capabilities(dpoMember, opened.dossier).commands).toEqual(['declareNotAdmissible', 'recordCorrespondence']);
    expect(await service.institutionNoticeOf(opened.dossier)).toBeUndefined();
  });

  it('given a register that cannot be read while registering, then the dossier is registered and the warning says it was not checked', async () => {
    const store = new MemoryInstitutionStore();
    store.list = () => Promise.reject(new Error('503 busy'));
    const registered = await serviceWith(store).registerNew(
      { requester: { institution: 'Universiteit Elders', isIndividual: false, contact: { name: 'Eva Maes', email: 'eva@elders.example' } }, subject: 'Armoede' },
      dpoMember
    );
    expect(registered.outcome.ok && registered.outcome.warnings.map((w) => formatError({ kind: 'guard', ...w }, 'nl'))).toEqual([
      'Het register van instellingen kon niet gelezen worden; ga na of de instelling erin staat (503 busy).'
    ]);
  });
});
