/**
 * Graph drives of the document library, drive items by path and id, `content` (302 to a
 * short-lived URL) and the text-only `.docx → PDF` conversion.
 */
import JSZip from 'jszip';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import { localGraph } from '../../src/local/clients';
import { docxText } from '../../src/local/convert/docx-text';
import { textPdf } from '../../src/local/convert/text-pdf';
import type { LocalTenant } from '../../src/local/server/server';
import { api, call, dpoTeamMember, guest, provision, startTenant } from './support';

let tenant: LocalTenant;
let driveId: string;
const folder = '/sites/microdata/Dossierdocumenten/VSA-2026-0007';
const name = "Aanvraag O'Neil #3 – Zoë.docx";

async function docx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
  await call(tenant, dpoTeamMember, api(`web/folders/addusingpath(decodedurl='${folder}')`), { method: 'POST' });
  const bytes = await docx(['Aanvraag microdata', 'Instelling: KU Leuven & partners (Zoë)', '']);
  const upload = await call(tenant, dpoTeamMember, api(`web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folder)}')/files/addusingpath(decodedurl='${encodeURIComponent(name.replace(/'/g, "''"))}',overwrite=true)`), { method: 'POST', body: bytes });
  expect(upload.status).toBe(200);
  const graph = localGraph(tenant.graphBaseUrl, dpoTeamMember);
  driveId = (await graph.api('/sites/localhost:/sites/microdata:/lists/Dossierdocumenten/drive').select('id').get()).id;
});

afterAll(async () => {
  await tenant.close();
});

describe('drives', () => {
  it('gives the library drive and its items by path and by id', async () => {
    const graph = localGraph(tenant.graphBaseUrl, dpoTeamMember);
    expect(driveId).toMatch(/^b!/);
    const drive = await graph.api(`/drives/${driveId}`).get();
    expect(drive).toEqual(expect.objectContaining({ driveType: 'documentLibrary', name: 'Dossierdocumenten' }));
    const byPath = await graph.api(`/drives/${driveId}/root:/VSA-2026-0007/${encodeURIComponent(name)}:`).get();
    expect(byPath.name).toBe(name);
    expect(byPath.file.mimeType).toContain('wordprocessingml');
    const byId = await graph.api(`/drives/${driveId}/items/${byPath.id}`).get();
    expect(byId.size).toBe(byPath.size);
    expect(await graph.api(`/sites/localhost:/sites/microdata:/lists/Dossiers/drive`).get().catch((e: { statusCode: number }) => e.statusCode)).toBe(404);
  });

  it('answers content with a 302 to a short-lived URL that needs no Authorization', async () => {
    const response = await fetch(`${tenant.graphBaseUrl}/v1.0/drives/${driveId}/root:/VSA-2026-0007/${encodeURIComponent(name)}:/content`, { headers: { Authorization: `Bearer local:${dpoTeamMember}` }, redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/\/_local\/download\/[A-Za-z0-9_-]+$/);
    const download = await fetch(location);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())[0]).toBe(0x50);
    expect((await fetch(`${tenant.baseUrl}/_local/download/unknown`)).status).toBe(404);
  });

  it('converts the .docx to a PDF through the Graph client', async () => {
    const graph = localGraph(tenant.graphBaseUrl, dpoTeamMember);
    const buffer = (await graph.api(`/drives/${driveId}/root:/VSA-2026-0007/${encodeURIComponent(name)}:/content?format=pdf`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    const text = Buffer.from(buffer).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('(Aanvraag microdata)');
    expect(text).toContain('(Instelling: KU Leuven & partners \\(Zo\\353\\))');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('refuses conversion of other formats, broken documents and guests clearly', async () => {
    await call(tenant, dpoTeamMember, api(`web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folder)}')/files/addusingpath(decodedurl='kapot.docx',overwrite=true)`), { method: 'POST', body: 'not a zip' });
    await call(tenant, dpoTeamMember, api(`web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folder)}')/files/addusingpath(decodedurl='blad.xlsx',overwrite=true)`), { method: 'POST', body: 'x' });
    const convert = (file: string, email = dpoTeamMember) => call(tenant, email, `/graph/v1.0/drives/${driveId}/root:/VSA-2026-0007/${file}:/content?format=pdf`);
    const broken = await convert('kapot.docx');
    expect(broken.status).toBe(422);
    expect(broken.json().error.message).toContain('not a zip archive');
    expect((await convert('blad.xlsx')).status).toBe(406);
    expect((await convert(encodeURIComponent(name), guest)).status).toBe(403);
  });
});

describe('conversion helpers', () => {
  it('extracts paragraphs, tabs and entities from a docx', async () => {
    expect(docxText(await docx(['Eén & twee', 'drie <vier>']))).toEqual(['Eén & twee', 'drie <vier>']);
  });

  it('writes a PDF whose xref offsets point at the objects', () => {
    const pdf = Buffer.from(textPdf(Array.from({ length: 130 }, (_, i) => `regel ${i} ${'x'.repeat(i)}`), 'Test')).toString('latin1');
    const xrefAt = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
    expect(pdf.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const offsets = pdf.slice(xrefAt).split('\n').filter((l) => / 00000 n $/.test(l)).map((l) => Number(l.slice(0, 10)));
    offsets.forEach((offset, index) => expect(pdf.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
    expect(pdf).toMatch(/\/Count [3-9]/);
  });
});
