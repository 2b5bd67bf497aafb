/** The one picking of a registration's requested data (service, register client, seed). */
import { fallbackDocuments, inheritedRequestedData, requestedDataFromChecked, type FormOfDocument } from '../../src/app/formFacts';
import type { DocumentKind, DocumentPhase, DossierDocument, RequestedData } from '../../src/domain/types';
import { fillForm, generateTemplate, readForm, requestedDataOf, sampleValues, withFields, type FormType } from '../../src/forms';

async function formOf(kind: FormType, phase: DocumentPhase, fields: Record<string, string> = {}, variables = 3): Promise<FormOfDocument> {
  const fileName = `${kind}-${phase}.docx`;
  const bytes = await fillForm(await generateTemplate(kind), withFields(sampleValues(kind, { variables }), fields), { fileName });
  return { document: { id: `id-${kind}-${phase}`, fileName, version: '2.0', kind: kind as DocumentKind, phase }, form: await readForm(bytes, fileName) };
}

const engine = { requestedDataOf };

const registered = (kind: DocumentKind, phase: DocumentPhase, superseded = false, at = '2026-01-01T00:00:00.000Z'): DossierDocument => ({
  id: `${kind}-${phase}-${at}`, kind, fileName: `${kind}.docx`, version: '1.0', phase, registeredAt: at, registeredBy: { id: 'a', displayName: 'A' }, superseded
});

describe('requestedDataFromChecked', () => {
  it('takes the registered application form before a current protocol, and names it as the source', async () => {
    const application = await formOf('aanvraagformulier', 'signed', { 'gegevens.bevragingen': 'SV-bevraging 2026-1' }, 5);
    const protocol = await formOf('protocol', 'draft', { 'gegevens.bevragingen': 'SCV-survey 2010' });
    const data = requestedDataFromChecked(engine, [application], [protocol]);
    expect(data?.surveys).toEqual(['SV-bevraging 2026-1']);
    expect(data?.variablesCount).toBe(5);
    expect(data?.source).toEqual({ documentId: 'id-aanvraagformulier-signed', fileName: 'aanvraagformulier-signed.docx', kind: 'aanvraagformulier', version: '2.0', phase: 'signed' });
  });

  it('a registered form replaces the current one of its kind; a TOM declaration alone falls back on the current forms', async () => {
    const draft = await formOf('aanvraagformulier', 'draft', { 'gegevens.bevragingen': 'SV-bevraging 2021-1' });
    const signed = await formOf('aanvraagformulier', 'signed', { 'gegevens.bevragingen': 'SV-bevraging 2022-2' });
    expect(requestedDataFromChecked(engine, [signed], [draft])?.surveys).toEqual(['SV-bevraging 2022-2']);
    const tom = await formOf('verklaringTOM', 'signed');
    expect(requestedDataFromChecked(engine, [tom], [draft])?.source?.phase).toBe('draft');
    expect(requestedDataFromChecked(engine, [tom], [])).toBeUndefined();
  });

  it('a simplified request inherits what its form does not state, keeps its own changes and variables', async () => {
    const simplified = await formOf('vereenvoudigdAanvraagformulier', 'draft', { 'vereenvoudigd.reden': 'verlenging; toevoeging variabelen', 'verlenging.nieuweEinddatum': '31/12/2029' }, 2);
    const inherited: RequestedData = {
      surveys: ['COVID-19-bevraging golf 2'], variablesCount: 9, purposes: ['Onderzoek naar eenzaamheid'], researchType: 'wetenschappelijk',
      recipients: [{ name: 'An', institution: 'UGent' }], retentionEnd: '2029-06-30'
    };
    const data = requestedDataFromChecked(engine, [simplified], [], inherited);
    expect(data).toMatchObject({ surveys: ['COVID-19-bevraging golf 2'], variablesCount: 2, purposes: ['Onderzoek naar eenzaamheid'], researchType: 'wetenschappelijk', retentionEnd: '2029-06-30' });
    expect(data?.changes?.reasons).toEqual(['extension', 'addVariables']);
    expect(data?.source?.kind).toBe('vereenvoudigdAanvraagformulier');
    expect(requestedDataFromChecked(engine, [simplified], [])?.surveys).toEqual([]);
  });
});

describe('inheritance when the simplified form lists no variables (an extension only)', () => {
  it('takes the protocol’s variables and count, and never its source or changes', async () => {
    const simplified = await formOf('vereenvoudigdAanvraagformulier', 'draft');
    const stated: RequestedData = { surveys: [], variablesCount: 0, variables: [], changes: { reasons: ['extension'], newEndDate: '2030-01-31' } };
    const inherited: RequestedData = {
      surveys: ['SV-bevraging 2024-2'], variablesCount: 2, variables: [{ name: 'leeftijd', justification: 'x' }, { name: 'provincie', justification: 'y' }],
      changes: { reasons: ['newPurposes'] }, source: { documentId: 'old', fileName: 'old.docx', kind: 'aanvraagformulier', version: '1.0', phase: 'signed' }
    };
    const data = requestedDataFromChecked({ requestedDataOf: () => stated }, [simplified], [], inherited);
    expect(data).toMatchObject({ surveys: ['SV-bevraging 2024-2'], variablesCount: 2, changes: { reasons: ['extension'], newEndDate: '2030-01-31' } });
    expect(data?.variables?.map((variable) => variable.name)).toEqual(['leeftijd', 'provincie']);
    expect(data?.source?.documentId).toBe('id-vereenvoudigdAanvraagformulier-draft');
  });

  it('inherits no variables under "toevoeging variabelen": an empty table adds none', async () => {
    const simplified = await formOf('vereenvoudigdAanvraagformulier', 'draft');
    const stated: RequestedData = { surveys: [], variablesCount: 0, variables: [], changes: { reasons: ['addVariables'] } };
    const inherited: RequestedData = { surveys: ['SV-bevraging 2024-2'], variablesCount: 1, variables: [{ name: 'leeftijd', justification: 'x' }] };
    const data = requestedDataFromChecked({ requestedDataOf: () => stated }, [simplified], [], inherited);
    expect(data).toMatchObject({ surveys: ['SV-bevraging 2024-2'], variablesCount: 0, variables: [] });
  });
});

describe('fallbackDocuments and inheritedRequestedData', () => {
  it('picks per requesting kind not registered the current document of the furthest phase', () => {
    const dossier = {
      documents: [
        registered('aanvraagformulier', 'draft', true),
        registered('aanvraagformulier', 'draft', false, '2026-02-01T00:00:00.000Z'),
        registered('aanvraagformulier', 'signed'),
        registered('verklaringTOM', 'signed'),
        registered('protocol', 'draft'),
        registered('publicationVersion', 'publication')
      ]
    };
    expect(fallbackDocuments(dossier, []).map((d) => `${d.kind}/${d.phase}`)).toEqual(['aanvraagformulier/signed', 'protocol/draft']);
    expect(fallbackDocuments(dossier, ['aanvraagformulier']).map((d) => d.kind)).toEqual(['protocol']);
    expect(fallbackDocuments(undefined, [])).toEqual([]);
  });

  it('inherits the protocol dossier’s data for a simplified dossier only', async () => {
    const parent: RequestedData = { surveys: ['SV-bevraging 2024-1'], variablesCount: 3 };
    const own: RequestedData = { surveys: ['SV-bevraging 2021-1'], variablesCount: 1 };
    const dossierOf = async (reference: string) => (reference === 'VSA-2025-0001' ? { requestedData: parent } : undefined);
    expect(await inheritedRequestedData({ procedure: 'simplified', parentDossierReference: 'VSA-2025-0001', requestedData: own }, dossierOf)).toBe(parent);
    expect(await inheritedRequestedData({ procedure: 'simplified', parentDossierReference: 'VSA-2025-0009', requestedData: own }, dossierOf)).toBe(own);
    expect(await inheritedRequestedData({ procedure: 'standard', parentDossierReference: 'VSA-2025-0001' }, dossierOf)).toBeUndefined();
  });
});
