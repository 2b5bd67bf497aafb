/**
 * "Openen in Word" locally: the register's link names the dossier's document, the workbench page
 * carries it into its config, and the document is read from the in-process local tenant's library as
 * the persona (that version, or the current one).
 */
import { createLocalComposition, downloadLocalDossierDocument } from '../../src/composition/local';
import { fillForm, generateTemplate, readForm } from '../../src/forms';
import type { LtRequest } from '../../src/local/server/http';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { localOpenInWordUrl, workbenchDocumentOf } from '../../src/local/workbench/word/documentLink';
import { createWordWorkbench } from '../../src/local/workbench/word/page';
import { registerCommand } from '../data/support/fixtures';

const AN = 'an.peeters@vsa.local';
const REFERENCE = 'VSA-2026-0042';

function get(path: string, headers: Record<string, string> = {}): LtRequest {
  return { method: 'GET', url: new URL(`http://localhost:4321${path}`), headers: new Map(Object.entries(headers)), body: new Uint8Array() };
}

describe('the Word workbench link of a dossier document', () => {
  it('builds the workbench address and reads it back', () => {
    const url = localOpenInWordUrl(REFERENCE, { fileName: 'aanvraag formulier.docx', version: '2.0' });
    expect(url).toBe('/workbench/word?reference=VSA-2026-0042&file=aanvraag+formulier.docx&version=2.0');
    expect(workbenchDocumentOf(new URL(url, 'http://localhost:4321'))).toEqual({ reference: REFERENCE, fileName: 'aanvraag formulier.docx', version: '2.0' });
    expect(workbenchDocumentOf(new URL(localOpenInWordUrl(REFERENCE, { fileName: 'a.docx' }), 'http://x'))).toEqual({ reference: REFERENCE, fileName: 'a.docx' });
  });

  it('refuses what a link never carries', () => {
    const of = (query: string) => workbenchDocumentOf(new URL(`http://x/workbench/word?${query}`));
    expect(of('')).toBeUndefined();
    expect(of('reference=VSA-2026-0042&file=../x.docx')).toBeUndefined();
    expect(of('reference=VSA-2026-0042&file=scan.pdf')).toBeUndefined();
    expect(of('reference=x&file=a.docx')).toBeUndefined();
    expect(of('reference=VSA-2026-0042&file=a.docx&version=1;drop')).toBeUndefined();
  });

  it('puts the document into the page config (the sample stays the default)', async () => {
    const workbench = createWordWorkbench({ sitePath: '/sites/microdata' });
    const response = await workbench.handle(get(localOpenInWordUrl(REFERENCE, { fileName: 'aanvraag.docx', version: '1.0' }), { cookie: 'lt_persona=an.peeters%40vsa.local' }));
    const json = /id="word-workbench-config">(.*?)<\/script>/.exec(String(response?.body))![1];
    expect(JSON.parse(json)).toMatchObject({ fileName: 'aanvraag.docx', persona: AN, document: { reference: REFERENCE, fileName: 'aanvraag.docx', version: '1.0' } });
  });
});

describe('the workbench loads the dossier document from the local tenant', () => {
  let tenant: LocalTenant;
  let origin: string;
  beforeAll(async () => {
    tenant = await startLocalTenant({ port: 0, dataFile: ':memory:' });
    origin = new URL(tenant.baseUrl).origin;
    await createLocalComposition({ baseUrl: origin, userEmail: 'beheer@vsa.local' }).data.provisioner.ensureAll();
    const an = createLocalComposition({ baseUrl: origin, userEmail: AN, messaging: false }).data;
    const outcome = await an.commands.execute(REFERENCE, registerCommand(REFERENCE, 'register'), await an.directory.currentActor());
    expect(outcome.ok).toBe(true);
    const template = await generateTemplate('aanvraagformulier');
    for (const title of ['Eerste titel', 'Tweede titel']) {
      await an.documents.upload(REFERENCE, 'aanvraag.docx', await fillForm(template, { fields: { 'project.titel': title } }, { fileName: 'aanvraag.docx' }), { kind: 'aanvraagformulier', phase: 'draft' });
    }
  });
  afterAll(async () => tenant.close());

  it('reads the named version and the current one as the persona', async () => {
    const first = await downloadLocalDossierDocument({ origin, persona: AN }, { reference: REFERENCE, fileName: 'aanvraag.docx', version: '1.0' });
    expect((await readForm(first, 'aanvraag.docx')).fields['project.titel'].value).toBe('Eerste titel');
    const current = await downloadLocalDossierDocument({ origin, persona: AN }, { reference: REFERENCE, fileName: 'aanvraag.docx' });
    expect((await readForm(current, 'aanvraag.docx')).fields['project.titel'].value).toBe('Tweede titel');
  });
});
