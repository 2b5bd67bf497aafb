/**
 * The register's application service in plain Node, on in-memory fakes of the data layer's ports
 * (the command service, lookups and domain are the real ones). These carry the logic assertions that
 * used to need the whole React tree (`test/webparts/register/RegisterApp.test.tsx`).
 */
import { createRegisterService, type OpenedDossier, type RegisterService, type UploadStep } from '../../src/app/registerService';
import { formatFailure } from '../../src/app/failures';
import { AppError } from '../../src/app/appError';
import type { RegisterMailPort } from '../../src/app/registerPorts';
import { fillForm, generateTemplate, readForm, checkForm, sampleValues, withFields } from '../../src/forms';
import type { Actor, Dossier, RequestedData } from '../../src/domain/types';
import type { RegisterRow } from '../../src/data/ports';
import { dpoMember, statistician } from '../ui/support/dossiers';
import { FakeTenant, threeDossierTenant } from '../webparts/register/support/fakeBackend';
import { sampleForm } from './support';
import { eventsIn } from '../domain/support/paths';

const now = '2026-11-25T10:00:00.000Z';
const clock = (): string => now;

const seedTenant = (actor: Actor = dpoMember): FakeTenant => threeDossierTenant(actor);

let commandIds = 0;
const serviceOn = (tenant: FakeTenant): RegisterService =>
  createRegisterService(tenant.backend(clock), { clock, newCommandId: () => `cmd-${++commandIds}` });

async function applicationForm(): Promise<Uint8Array> {
  return fillForm(await generateTemplate('aanvraagformulier'), { fields: { 'project.titel': 'Vrije tijd' } }, { fileName: 'aanvraagformulier.docx' });
}

describe('RegisterService: the register list', () => {
  it('reads the whole register page by page and says who is signed in', async () => {
    const tenant = seedTenant();
    const pages: (readonly RegisterRow[])[] = [];
    const more: boolean[] = [];
    const actor = await serviceOn(tenant).loadRegister(2, (rows, hasMore) => {
      pages.push(rows);
      more.push(hasMore);
    });
    expect(actor.displayName).toBe('An Peeters');
    expect(tenant.registerPageRequests).toBe(2);
    expect(pages.map((rows) => rows.length)).toEqual([2, 1]);
    expect(more).toEqual([true, false]);
    expect(pages.flat().map((row) => row.reference).sort()).toEqual(['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0003']);
  });

  it('registers a new dossier under the next reference of the year', async () => {
    const tenant = seedTenant();
    const registered = await serviceOn(tenant).registerNew(
      { requester: { institution: 'KU Leuven', institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: 'Eva Maes', email: 'eva@kuleuven.example' } }, subject: 'Armoede-indicatoren' },
      dpoMember
    );
    expect(registered.reference).toBe('VSA-2026-0004');
    expect(registered.outcome.ok).toBe(true);
    expect(tenant.projections.get('VSA-2026-0004')?.write.dossier.state).toBe('intake');
  });
});

describe('RegisterService: capabilities come from the domain', () => {
  it('gives the DPO team the workflow table commands on a new dossier, creation, uploads and mail', async () => {
    const service = serviceOn(seedTenant());
    const opened = await service.open('VSA-2026-0001');
    const capabilities = service.capabilities(dpoMember, opened.dossier);
    expect(capabilities.commands).toEqual(['assignStatistician', 'declareNotAdmissible', 'withdraw', 'addComment', 'recordCorrespondence']);
    expect(capabilities).toMatchObject({ canCreate: true, canUpload: true, mailFeatures: true });
  });

  it('gives a statistician no command on a dossier assigned to someone else, and no mail features', async () => {
    const service = serviceOn(seedTenant(statistician));
    const opened = await service.open('VSA-2026-0002');
    const other = { ...statistician, id: 'other@vsa.example' };
    const capabilities = service.capabilities(other, opened.dossier);
    expect(capabilities.commands.filter((c) => c !== 'addComment' && c !== 'recordCorrespondence')).toEqual([]);
    expect(capabilities).toMatchObject({ canCreate: false, canUpload: true, mailFeatures: false, sendableMailKinds: [] });
  });

  it('lets the assigned statistician compose the step-1 mails and the reminders to the requester of the dossier, and only those (issue 16)', async () => {
    const service = serviceOn(seedTenant(statistician));
    const opened = await service.open('VSA-2026-0002');
    expect(opened.dossier?.assignedStatistician?.id).toBe(statistician.id);
    expect(service.capabilities(statistician, opened.dossier)).toMatchObject({ mailFeatures: false, sendableMailKinds: ['requestForms', 'notAdmissible', 'requesterReminder', 'destructionRequest'] });
    expect(service.capabilities(dpoMember, opened.dossier).sendableMailKinds).toContain('decision');
  });

  it('lets a signed-in person without a VSA role upload nothing', () => {
    const guest: Actor = { id: 'gast@vsa.example', displayName: 'Gast', roles: [] };
    expect(serviceOn(seedTenant()).capabilities(guest, undefined)).toMatchObject({ canUpload: false, canCreate: false, mailFeatures: false });
  });
});

describe('RegisterService: commands', () => {
  it('assigns a statistician chosen from the dialog facts', async () => {
    const tenant = seedTenant();
    const service = serviceOn(tenant);
    const opened = await service.open('VSA-2026-0001');
    const facts = await service.dialogFacts('assignStatistician', opened);
    expect(facts.statisticians.map((s) => s.displayName)).toEqual(['Bart Claes']);
    const executed = await service.execute({
      reference: 'VSA-2026-0001', command: { type: 'assignStatistician', assignee: facts.statisticians[0] }, actor: dpoMember, seen: opened.dossier, openReference: 'VSA-2026-0001'
    });
    expect(executed.outcome.ok).toBe(true);
    expect(executed.reloaded?.dossier?.state).toBe('preliminary');
    expect(tenant.projections.get('VSA-2026-0001')?.write.dossier.assignedStatistician?.displayName).toBe('Bart Claes');
  });

  it('fails the dialog facts visibly when the statisticians cannot be read (no silent empty list)', async () => {
    const tenant = seedTenant();
    const ports = tenant.backend(clock);
    const service = createRegisterService({ ...ports, directory: { membersOf: () => Promise.reject(new Error('Graph down')) } }, { clock });
    const opened = await service.open('VSA-2026-0001');
    await expect(service.dialogFacts('assignStatistician', opened)).rejects.toThrow('Graph down');
  });

  it('returns every refusal of the domain', async () => {
    const tenant = seedTenant();
    const service = serviceOn(tenant);
    const opened = await service.open('VSA-2026-0003');
    const executed = await service.execute({ reference: 'VSA-2026-0003', command: { type: 'returnForChanges', reviewComments: [] }, actor: dpoMember, seen: opened.dossier });
    expect(executed.outcome).toMatchObject({ ok: false, kind: 'refused' });
    const errors = executed.outcome.ok === false && executed.outcome.kind === 'refused' ? executed.outcome.errors : [];
    expect(errors.map((e) => formatFailure(e, 'nl'))).toContain('Geef minstens één opmerking voor de aanvrager.');
    expect(tenant.projections.get('VSA-2026-0003')?.write.dossier.state).toBe('underReview');
  });

  it('reports a conflict and reloads the open dossier when someone else keeps writing', async () => {
    const tenant = seedTenant();
    const service = serviceOn(tenant);
    const opened = await service.open('VSA-2026-0003');
    tenant.alwaysConflict = true;
    const loadsBefore = tenant.streamLoads;
    const executed = await service.execute({
      reference: 'VSA-2026-0003', command: { type: 'returnForChanges', reviewComments: [{ text: 'Vul de rechtsgrond aan.' }] }, actor: dpoMember, seen: opened.dossier, openReference: 'VSA-2026-0003'
    });
    expect(executed.outcome).toEqual({ ok: false, kind: 'conflict' });
    expect(executed.reloaded?.reference).toBe('VSA-2026-0003');
    expect(tenant.streamLoads).toBeGreaterThan(loadsBefore);
  });

  it('refuses to apply a command to a dossier someone else changed after it was opened', async () => {
    const tenant = seedTenant();
    const service = serviceOn(tenant);
    const opened = await service.open('VSA-2026-0003');
    // Someone else starts the deliberation meanwhile.
    const other = await tenant.backend(clock).commands.execute('VSA-2026-0003', { type: 'startDeliberation', commandId: 'other-1', overrideReason: 'ok' } as never, dpoMember, now);
    expect(other.ok).toBe(true);
    const executed = await service.execute({
      reference: 'VSA-2026-0003', command: { type: 'returnForChanges', reviewComments: [{ text: 'Vul de rechtsgrond aan.' }] }, actor: dpoMember, seen: opened.dossier, openReference: 'VSA-2026-0003'
    });
    expect(executed.outcome).toEqual({ ok: false, kind: 'conflict' });
    expect(executed.reloaded?.dossier?.state).toBe('deliberation');
    expect(tenant.projections.get('VSA-2026-0003')?.write.dossier.state).toBe('deliberation');
    expect(tenant.log.get('VSA-2026-0003')?.some((e) => e.event.type === 'ReturnedForChanges')).toBe(false);
  });

  it('adds a comment', async () => {
    const tenant = seedTenant();
    const service = serviceOn(tenant);
    const executed = await service.execute({ reference: 'VSA-2026-0002', command: { type: 'addComment', text: 'Aanvrager telefonisch gecontacteerd.' }, actor: dpoMember });
    expect(executed.outcome.ok).toBe(true);
    expect(tenant.log.get('VSA-2026-0002')?.some((e) => e.event.type === 'CommentAdded')).toBe(true);
  });

  it('fails with a coded, localized failure when nobody is signed in', async () => {
    const executed = await serviceOn(seedTenant()).execute({ reference: 'VSA-2026-0002', command: { type: 'addComment', text: 'x' }, actor: undefined });
    expect(executed.outcome.ok).toBe(false);
    const error = executed.outcome.ok === false && executed.outcome.kind === 'failed' ? executed.outcome.error : undefined;
    expect(formatFailure(error, 'nl')).toBe('U bent niet aangemeld; laad de pagina opnieuw.');
  });

  it('hands an unexpected store failure back as a failed outcome with the error', async () => {
    const tenant = seedTenant();
    const ports = tenant.backend(clock);
    const failing = new Error('disk full');
    const service = createRegisterService({ ...ports, commands: { load: ports.commands.load.bind(ports.commands), execute: () => Promise.reject(failing) } }, { clock });
    const executed = await service.execute({ reference: 'VSA-2026-0002', command: { type: 'addComment', text: 'x' }, actor: dpoMember });
    expect(executed.outcome).toEqual({ ok: false, kind: 'failed', error: failing });
  });
});

describe('RegisterService: documents', () => {
  async function withApplicationForm(): Promise<{ tenant: FakeTenant; service: RegisterService; opened: OpenedDossier; bytes: Uint8Array }> {
    const tenant = seedTenant();
    const bytes = await applicationForm();
    await tenant.backend(clock).documents.upload('VSA-2026-0003', 'aanvraagformulier.docx', bytes, { kind: 'aanvraagformulier', phase: 'draft' });
    const service = serviceOn(tenant);
    return { tenant, service, opened: await service.open('VSA-2026-0003'), bytes };
  }

  it('checks a stored docx once per version with the draft checks', async () => {
    const { service, opened, bytes } = await withApplicationForm();
    const [document] = opened.documents;
    const checked = await service.checkStored(opened, document);
    const expected = checkForm(await readForm(bytes, 'aanvraagformulier.docx'), { phase: 'draft', today: now.slice(0, 10), hasMandateDocument: false });
    expect(checked.findings).toHaveLength(expected.length);
    expect(checked.summary.blocking).toBe(expected.filter((f) => f.severity === 'blocking').length);
    expect(await service.checkStored(opened, document)).toBe(checked);
  });

  it('downloads the annotated copy with one comment per finding, named in the user language', async () => {
    const { service, opened } = await withApplicationForm();
    const [document] = opened.documents;
    const nl = await service.downloadAnnotated(opened, document, 'An Peeters', 'nl');
    expect(nl.fileName).toBe('aanvraagformulier - opmerkingen.docx');
    const checked = await service.checkStored(opened, document);
    expect((await readForm(nl.bytes, nl.fileName)).comments).toHaveLength(checked.findings.length);
    expect((await service.downloadAnnotated(opened, document, 'An Peeters', 'en')).fileName).toBe('aanvraagformulier - comments.docx');
    const plain = await service.download(opened, document);
    expect(plain.fileName).toBe('aanvraagformulier.docx');
  });

  it('lists the documents a registering command may reference, with their check summary', async () => {
    const { service, opened } = await withApplicationForm();
    const facts = await service.dialogFacts('registerDraftDocuments', opened);
    expect(facts.documents.map((d) => [d.fileName, d.kind, d.checkSummary !== undefined])).toEqual([['aanvraagformulier.docx', 'aanvraagformulier', true]]);
    expect((await service.dialogFacts('registerSignedDocuments', opened)).documents).toEqual([]);
  });

  it('adds the project of the checked application form when drafts are registered', async () => {
    const { service, opened } = await withApplicationForm();
    await service.checkStored(opened, opened.documents[0]);
    const command = await service.withFormFacts({ type: 'registerDraftDocuments', documents: [] }, opened);
    expect((command as { project?: { title: string } }).project?.title).toBe('Vrije tijd');
  });

  it('carries the requested data of the registered form (the same picking as the service), never the dialog’s', async () => {
    const tenant = seedTenant();
    const values = withFields(sampleValues('aanvraagformulier', { variables: 4 }), { 'gegevens.bevragingen': 'SV-bevraging 2025-1; SV-bevraging 2025-2' });
    const bytes = await fillForm(await generateTemplate('aanvraagformulier'), values, { fileName: 'aanvraag.docx' });
    await tenant.backend(clock).documents.upload('VSA-2026-0003', 'aanvraag.docx', bytes, { kind: 'aanvraagformulier', phase: 'draft' });
    const service = serviceOn(tenant);
    const opened = await service.open('VSA-2026-0003');
    const [stored] = opened.documents;
    const registration = { id: stored.id, kind: 'aanvraagformulier' as const, fileName: stored.fileName, version: stored.version };
    const forged = { surveys: ['SCV-survey 1996'], variablesCount: 99 };
    const command = await service.withFormFacts({ type: 'registerDraftDocuments', documents: [registration], requestedData: forged }, opened);
    const data = (command as { requestedData?: RequestedData }).requestedData;
    expect(data?.surveys).toEqual(['SV-bevraging 2025-1', 'SV-bevraging 2025-2']);
    expect(data?.variablesCount).toBe(4);
    expect(data?.source).toEqual({ documentId: stored.id, fileName: 'aanvraag.docx', kind: 'aanvraagformulier', version: stored.version, phase: 'draft' });
    const other = await service.withFormFacts({ type: 'addComment', text: 'x' }, opened);
    expect(other).toEqual({ type: 'addComment', text: 'x' });
  });

  it('uploads a docx with its kind from the form, refuses other file types with a coded error, and reports each step', async () => {
    const tenant = seedTenant();
    const service = serviceOn(tenant);
    const opened = await service.open('VSA-2026-0002');
    const bytes = await applicationForm();
    const steps: [number, UploadStep][] = [];
    await service.upload(opened, [
      { name: 'scan.jpg', bytes: async () => new Uint8Array([1]) },
      { name: 'aanvraag.docx', bytes: async () => bytes }
    ], 'auto', 'draft', (index, step) => steps.push([index, step]));
    expect(steps.map(([index, step]) => `${index}:${step.status}`)).toEqual(['0:checking', '0:failed', '1:checking', '1:uploading', '1:done']);
    const failure = steps[1][1].status === 'failed' ? steps[1][1].error : undefined;
    expect(failure).toBeInstanceOf(AppError);
    expect(formatFailure(failure, 'nl')).toBe('scan.jpg is geen .docx- of .pdf-bestand.');
    const stored = tenant.files.get('VSA-2026-0002/aanvraag.docx');
    expect(stored?.doc).toMatchObject({ kind: 'aanvraagformulier', phase: 'draft' });
    expect(tenant.files.has('VSA-2026-0002/scan.jpg')).toBe(false);
  });

  it('refuses a PDF without a chosen kind', async () => {
    const service = serviceOn(seedTenant());
    const opened = await service.open('VSA-2026-0002');
    const steps: UploadStep[] = [];
    await service.upload(opened, [{ name: 'scan.pdf', bytes: async () => new Uint8Array([37, 80, 68, 70]) }], 'auto', 'signed', (_, step) => steps.push(step));
    const last = steps[steps.length - 1];
    expect(last.status).toBe('failed');
    expect(formatFailure(last.status === 'failed' ? last.error : undefined, 'en')).toBe('Choose the document kind: scan.pdf does not say which form it is.');
  });
});

describe('RegisterService: the mandate context of the register', () => {
  it('checks a form signed by a delegate without a blocking finding once the dossier holds the mandate, on upload and when stored', async () => {
    const delegateForm = await sampleForm('aanvraagformulier', 'gevolmachtigde');
    const uploadInto = async (withMandate: boolean): Promise<number | undefined> => {
      const tenant = seedTenant();
      const ports = tenant.backend(clock);
      if (withMandate) await ports.documents.upload('VSA-2026-0003', 'volmacht.pdf', new Uint8Array([37]), { kind: 'mandate', phase: 'signed' });
      const service = serviceOn(tenant);
      const opened = await service.open('VSA-2026-0003');
      const steps: UploadStep[] = [];
      await service.upload(opened, [{ name: 'aanvraag-getekend.docx', bytes: async () => delegateForm }], 'auto', 'signed', (_, step) => steps.push(step));
      const done = steps.find((step) => step.status === 'done');
      // The stored copy is checked in the same context when the panel asks for its findings.
      const reopened = await serviceOn(tenant).open('VSA-2026-0003');
      const stored = reopened.documents.find((d) => d.fileName === 'aanvraag-getekend.docx');
      const checked = stored ? await serviceOn(tenant).checkStored(reopened, stored) : undefined;
      expect(checked?.summary).toEqual(done?.status === 'done' ? done.checked?.summary : 'not stored');
      return checked?.summary.blocking;
    };
    const covered = await uploadInto(true);
    const uncovered = await uploadInto(false);
    expect(covered).toBe(0);
    expect(uncovered).toBe(1);
  });

  it('checks again, in the same service, when the mandate arrives after the delegate\'s form', async () => {
    const delegateForm = await sampleForm('aanvraagformulier', 'gevolmachtigde');
    const tenant = seedTenant();
    const service = serviceOn(tenant);
    await service.upload(await service.open('VSA-2026-0003'), [{ name: 'aanvraag-getekend.docx', bytes: async () => delegateForm }], 'auto', 'signed', () => undefined);
    const before = await service.open('VSA-2026-0003');
    const form = before.documents.find((d) => d.fileName === 'aanvraag-getekend.docx');
    if (!form) throw new Error('the form was not stored');
    expect((await service.checkStored(before, form)).summary.blocking).toBe(1);
    await service.upload(before, [{ name: 'volmacht.pdf', bytes: async () => new Uint8Array([37, 80, 68, 70]) }], 'mandate', 'signed', () => undefined);
    const after = await service.open('VSA-2026-0003');
    // Not the cached check of the same version: the mandate changed what the form needs.
    expect((await service.checkStored(after, form)).summary.blocking).toBe(0);
  });
});

describe('RegisterService: publication version and extension', () => {
  const mail = (calls: string[]): RegisterMailPort => ({
    publication: {
      createPublicationVersion: async (reference, source) => {
        calls.push(`${reference}:${source}`);
        return { id: 'pdf', fileName: 'protocol.pdf', serverRelativeUrl: '/x', size: 1, version: '1.0', kind: 'protocol', phase: 'publication' };
      }
    },
    startExtension: async (reference, _actor, clickId) => {
      calls.push(`extend ${reference} ${clickId}`);
      return { reference: 'VSA-2026-0009' };
    }
  });

  /** A dossier countersigned in the product: its countersigned original `protocol-cs.docx` is registered. */
  const countersignedTenant = (): FakeTenant => {
    const tenant = new FakeTenant(dpoMember);
    tenant.seed(eventsIn('signed'));
    return tenant;
  };

  it('makes the publication version of the registered countersigned original, not of a file only uploaded as countersigned', async () => {
    const tenant = countersignedTenant();
    const ports = tenant.backend(clock);
    await ports.documents.upload('VSA-2026-0001', 'bijlage.docx', new Uint8Array([1]), { kind: 'protocol', phase: 'countersigned' });
    const service = serviceOn(tenant);
    const calls: string[] = [];
    const created = await service.createPublicationVersion(await service.open('VSA-2026-0001'), mail(calls));
    expect(calls).toEqual(['VSA-2026-0001:protocol-cs.docx']);
    expect(created.stored.fileName).toBe('protocol.pdf');
    expect(created.reloaded.reference).toBe('VSA-2026-0001');
  });

  it('says so in Dutch when no countersigned original is registered (an upload alone is not one)', async () => {
    const tenant = seedTenant();
    await tenant.backend(clock).documents.upload('VSA-2026-0003', 'protocol.docx', new Uint8Array([1]), { kind: 'protocol', phase: 'countersigned' });
    const service = serviceOn(tenant);
    const calls: string[] = [];
    const failure = await service.createPublicationVersion(await service.open('VSA-2026-0003'), mail(calls)).catch((error: unknown) => error);
    expect(formatFailure(failure, 'nl')).toMatch(/^Er is nog geen medeondertekend origineel geregistreerd/);
    expect(formatFailure(failure, 'en')).toMatch(/^No countersigned original is registered yet/);
    expect(calls).toEqual([]);
  });

  it('starts the one-click extension with a fresh click id', async () => {
    const calls: string[] = [];
    const reminder = { protocolNumber: 'PROT-2025-0001', dossierReference: 'VSA-2025-0001' } as never;
    const started = await serviceOn(seedTenant()).startExtension(reminder, dpoMember, mail(calls));
    expect(started.reference).toBe('VSA-2026-0009');
    expect(calls).toEqual([expect.stringMatching(/^extend VSA-2025-0001 cmd-\d+$/)]);
  });
});

describe('RegisterService: deadlines', () => {
  it('takes a protocol\'s end date from its chain when an extension moved it', () => {
    const service = createRegisterService(seedTenant().backend(clock), { clock });
    const protocol = {
      reference: 'VSA-2025-0001', state: 'delivered', stateSince: '2025-06-01T09:00:00.000Z', procedure: 'standard',
      stateHistory: [{ state: 'delivered', enteredAt: '2025-06-01T09:00:00.000Z' }], protocolEndDate: '2026-12-31'
    } as unknown as Dossier;
    // 60 days before its own end date the protocol is due for its end reminder …
    expect(service.deadline(protocol)).toMatchObject({ kind: 'protocolEnd', overdue: true });
    // … but an extension addendum to 2028 moves it out of reach.
    expect(service.deadline(protocol, '2028-12-31')).toMatchObject({ overdue: false });
  });

  it('given the settings list, when the register reads it, then the clocks use its values; an unreadable list gives the defaults and a warning', async () => {
    const underReview = {
      reference: 'VSA-2026-0100', state: 'underReview', stateSince: '2026-11-01T09:00:00.000Z', procedure: 'standard',
      stateHistory: [{ state: 'underReview', enteredAt: '2026-11-01T09:00:00.000Z' }]
    } as unknown as Dossier;
    const service = createRegisterService(seedTenant().backend(clock), { clock, procedureSettings: { readRows: async () => [{ key: 'review', days: 40, unit: 'kalenderdagen', escalateAfterDays: 5 }] } });
    expect(service.deadline(underReview)).toMatchObject({ overdue: false, dueOn: '2026-12-01' }); // the defaults (30) until read: 24 days used
    const result = await service.procedureSettings();
    expect(result.problems).toEqual([]);
    expect(service.deadline(underReview)).toMatchObject({ overdue: false, dueOn: '2026-12-11', current: { usedDays: 24, limit: { days: 40 } } });
    expect(await service.procedureSettings()).toBe(result); // read once
    const failing = createRegisterService(seedTenant().backend(clock), { clock, procedureSettings: { readRows: () => Promise.reject(new Error('404 list not found')) } });
    const fallback = await failing.procedureSettings();
    expect(fallback.warning).toEqual({ code: 'settings.warning.unreadable', params: { detail: '404 list not found' } });
    expect(failing.clockSetup().settings.phases.review.days).toBe(30);
  });
});
