/**
 * The register service computes the scope in force for the panel and checks a simplified form against
 * it (in-memory fakes of the data layer's ports; the command service and domain are the real ones).
 */
import { createRegisterService } from '../../src/app/registerService';
import { scopeFactsForChecks } from '../../src/app/scopeInForce';
import { withServerDocuments, type ServerDocumentDeps } from '../../src/app/service/serverDocuments';
import type { Command } from '../../src/domain/commands';
import type { Dossier } from '../../src/domain/types';
import * as forms from '../../src/forms';
import type { DossierEvent, RequestedData } from '../../src/domain';
import { fillForm, generateTemplate, sampleValues } from '../../src/forms';
import { dpoMember } from '../ui/support/dossiers';
import { buildDossier } from '../correspondence/support/dossiers';
import { FakeTenant } from '../webparts/register/support/fakeBackend';

const now = '2026-11-25T10:00:00.000Z';
const clock = (): string => now;

/** Events of a fixture dossier whose registration states `requestedData` (as the forms would). */
const withRequested = (events: readonly DossierEvent[], requestedData: RequestedData): DossierEvent[] =>
  events.map((event) => (event.type === 'DossierRegistered' ? { ...event, requestedData } : event));

function chainTenant(): FakeTenant {
  const tenant = new FakeTenant(dpoMember);
  tenant.seed(withRequested(buildDossier({ reference: 'VSA-2026-0001', upTo: 'published', protocolNumber: 'PROT-2026-001', endDate: '2027-12-31' }).events, {
    surveys: ['SV-bevraging 2023-1'], variablesCount: 2,
    variables: [{ name: 'leeftijd', justification: 'Leeftijdsgroepen.' }, { name: 'geslacht', justification: 'Verschillen.' }],
    purposes: ['Onderzoek naar sociale cohesie']
  }));
  tenant.seed(withRequested(buildDossier({ reference: 'VSA-2026-0002', upTo: 'published', parent: { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001' }, addendumNumber: 'PROT-2026-001/A1', endDate: '2028-06-30', startDay: 30 }).events, {
    surveys: [], variablesCount: 1, variables: [{ name: 'gemeente', justification: 'Regionale verschillen.' }],
    changes: { reasons: ['extension', 'addVariables'], newEndDate: '2028-06-30' }
  }));
  tenant.seed(withRequested(buildDossier({ reference: 'VSA-2026-0003', upTo: 'underReview', parent: { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001' }, startDay: 60 }).events, {
    surveys: [], variablesCount: 2, variables: [{ name: 'leeftijd', justification: 'x' }, { name: 'opleiding', justification: 'Onderwijs.' }],
    changes: { reasons: ['extension', 'addVariables'], newEndDate: '2028-01-31' }
  }));
  return tenant;
}

describe('RegisterService: the scope in force', () => {
  it('gives a protocol dossier its scope after the countersigned addenda, with the history', async () => {
    const opened = await createRegisterService(chainTenant().backend(clock), { clock }).open('VSA-2026-0001');
    expect(opened.scope?.variables.map((v) => `${v.name} ${v.instrument}`)).toEqual(['leeftijd PROT-2026-001', 'geslacht PROT-2026-001', 'gemeente PROT-2026-001/A1']);
    expect(opened.scope?.endDate).toMatchObject({ endDate: '2028-06-30', instrument: 'PROT-2026-001/A1' });
    expect(opened.scope?.history.map((h) => h.instrument)).toEqual(['PROT-2026-001', 'PROT-2026-001/A1']);
    expect(opened.scopeChanges).toBeUndefined();
  });

  it('measures a request on the protocol against the scope in force: the diff, and its form checked against it', async () => {
    const tenant = chainTenant();
    const values = sampleValues('vereenvoudigdAanvraagformulier');
    // The form asks two variables already in force and an end date before the one in force.
    const bytes = await fillForm(await generateTemplate('vereenvoudigdAanvraagformulier'), {
      fields: { ...values.fields, 'bestaandProtocol.nummer': 'PROT-2026-001', 'vereenvoudigd.reden': 'verlenging; toevoeging variabelen', 'verlenging.nieuweEinddatum': '31/01/2028' },
      rows: { variabelen: [{ 'variabelen.naam': 'leeftijd', 'variabelen.motivering': 'x' }, { 'variabelen.naam': 'gemeente', 'variabelen.motivering': 'y' }] }
    }, { fileName: 'vereenvoudigd.docx' });
    await tenant.backend(clock).documents.upload('VSA-2026-0003', 'vereenvoudigd.docx', bytes, { kind: 'vereenvoudigdAanvraagformulier', phase: 'draft' });
    const service = createRegisterService(tenant.backend(clock), { clock });
    const opened = await service.open('VSA-2026-0003');

    expect(opened.scope?.protocolNumber).toBe('PROT-2026-001');
    expect(opened.scopeChanges).toMatchObject({
      addedVariables: [{ name: 'opleiding', justification: 'Onderwijs.' }],
      endDate: { from: '2028-06-30', to: '2028-01-31', later: false },
      asksNothingNew: false
    });
    expect(opened.scopeChanges?.alreadyInForce.variables.map((v) => v.instrument)).toEqual(['PROT-2026-001']);

    const checked = await service.checkStored(opened, opened.documents[0]);
    const scopeFindings = checked.findings.filter((f) => f.checkId === 'scopeChange').map((f) => `${f.severity}:${f.messageKey}`);
    expect(scopeFindings).toEqual([
      'blocking:forms.check.scopeEndNotLater',
      'info:forms.check.scopeVariableInForce',
      'info:forms.check.scopeVariableInForce'
    ]);
  });

  it('measures a countersigned addendum against the scope before its own', async () => {
    const opened = await createRegisterService(chainTenant().backend(clock), { clock }).open('VSA-2026-0002');
    expect(opened.scope?.history.map((h) => h.instrument)).toEqual(['PROT-2026-001']);
    expect(opened.scopeChanges?.addedVariables.map((v) => v.name)).toEqual(['gemeente']);
    expect(opened.scopeChanges?.endDate).toEqual({ from: '2027-12-31', to: '2028-06-30', later: true });
  });
});

describe('the command service checks a simplified form against the same scope in force', () => {
  async function simplifiedDraft(): Promise<Uint8Array> {
    const values = sampleValues('vereenvoudigdAanvraagformulier');
    return fillForm(await generateTemplate('vereenvoudigdAanvraagformulier'), {
      fields: { ...values.fields, 'bestaandProtocol.nummer': 'PROT-2026-001', 'vereenvoudigd.reden': 'verlenging', 'verlenging.nieuweEinddatum': '31/01/2028' },
      rows: {}
    }, { fileName: 'vereenvoudigd.docx' });
  }

  it('scopeFactsForChecks: a request on the protocol gets the scope before it, the protocol itself none', async () => {
    const backend = chainTenant().backend(clock);
    const readers = { rowsByProtocolNumber: (n: string) => backend.dossiers.rowsByProtocolNumber(n), loadDossier: async (r: string) => (await backend.readModel.loadDossierDetail(r)).dossier };
    const request = await readers.loadDossier('VSA-2026-0003');
    expect(await scopeFactsForChecks(request!, readers)).toMatchObject({ protocolNumber: 'PROT-2026-001', endDate: '2028-06-30', variables: ['leeftijd', 'geslacht', 'gemeente'] });
    expect(await scopeFactsForChecks((await readers.loadDossier('VSA-2026-0001'))!, readers)).toBeUndefined();
  });

  it('the rebuilt registration counts the scope finding (an extension not later than the end in force) in its summary', async () => {
    const tenant = chainTenant();
    tenant.seed(withRequested(buildDossier({ reference: 'VSA-2026-0004', upTo: 'formsRequested', parent: { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001' }, startDay: 90 }).events, {
      surveys: [], variablesCount: 0, changes: { reasons: ['extension'] }
    }));
    const backend = tenant.backend(clock);
    await backend.documents.upload('VSA-2026-0004', 'vereenvoudigd.docx', await simplifiedDraft(), { kind: 'vereenvoudigdAanvraagformulier', phase: 'draft' });
    const loadDossier = async (r: string): Promise<Dossier | undefined> => (await backend.readModel.loadDossierDetail(r)).dossier;
    const command: Command = { type: 'registerDraftDocuments', commandId: 'c-scope', documents: [{ id: '', kind: 'vereenvoudigdAanvraagformulier', fileName: 'vereenvoudigd.docx', version: '' }] };
    // The fake backend's library lists a folder as the service's library does.
    const documents = backend.documents as unknown as ServerDocumentDeps['documents'];
    const deps = { documents, loadFormsEngine: async () => forms, today: () => '2026-11-25', dossierOf: loadDossier };
    const summaryOf = async (withScope: boolean): Promise<number | undefined> => {
      const rebuilt = await withServerDocuments(withScope ? { ...deps, protocolRows: (n) => backend.dossiers.rowsByProtocolNumber(n) } : deps, () => loadDossier('VSA-2026-0004'), command, dpoMember);
      return rebuilt.type === 'registerDraftDocuments' ? rebuilt.documents[0].checkSummary?.blocking : undefined;
    };
    const without = await summaryOf(false);
    expect(await summaryOf(true)).toBe((without ?? 0) + 1);
  });
});
