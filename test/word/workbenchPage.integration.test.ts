import { readForm } from '../../src/forms';
import type { LtRequest } from '../../src/local/server/http';
import { createWordWorkbench } from '../../src/local/workbench/word/page';

function get(path: string, headers: Record<string, string> = {}): LtRequest {
  return { method: 'GET', url: new URL(`http://localhost:4321${path}`), headers: new Map(Object.entries(headers)), body: new Uint8Array() };
}

describe('Word workbench routes', () => {
  const workbench = createWordWorkbench({ sampleDossierReference: 'VSA-2026-0003', sitePath: '/sites/microdata' });

  it('serves the page with the signed-in persona (display name for comment authors) and the site path', async () => {
    const response = await workbench.handle(get('/workbench/word', { cookie: 'lt_persona=an.peeters%40vsa.local' }));
    expect(response?.status).toBe(200);
    const json = /id="word-workbench-config">(.*?)<\/script>/.exec(String(response?.body))![1];
    expect(JSON.parse(json)).toEqual({ sampleUrl: '/workbench/word/sample.docx', fileName: 'aanvraagformulier-voorbeeld.docx', persona: 'an.peeters@vsa.local', personaName: 'An Peeters', sitePath: '/sites/microdata' });
  });

  it('serves a sample form stamped with the dossier reference, with mistakes to find', async () => {
    const response = await workbench.handle(get('/workbench/word/sample.docx'));
    const form = await readForm(response!.body as Uint8Array, 'sample.docx');
    expect(form.formType).toBe('aanvraagformulier');
    expect(form.fields['contact.email'].value).toBe('hanne.vos(at)ugent.example');
    expect(form.rows.variabelen).toHaveLength(3);
    const { readCustomProperty } = await import('../../src/word/docx/docxParts');
    expect(readCustomProperty(response!.body as Uint8Array, 'VsaDossierReference')).toBe('VSA-2026-0003');
  });

  it('leaves other paths and methods to the server', async () => {
    expect(await workbench.handle(get('/workbench/register'))).toBeUndefined();
    expect(await workbench.handle({ ...get('/workbench/word'), method: 'POST' })).toBeUndefined();
    expect(await workbench.handle(get('/workbench/word/unknown'))).toBeUndefined();
  });
});
