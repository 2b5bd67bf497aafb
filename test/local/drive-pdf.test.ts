/**
 * Graph drives of the document library, drive items by path and id, `content` (302 to a
 * short-lived URL in the one download store) and the one `?format=pdf` conversion (LibreOffice).
 */
import { strToU8, zipSync } from 'fflate';
import { ResponseType } from '@microsoft/microsoft-graph-client';
import { localGraph } from '../../src/local/clients';
import type { LocalTenant } from '../../src/local/server/server';
import { api, call, dpoTeamMember, guest, provision, startTenant } from './support';
import { pdfConversionAvailable } from '../intake/support/libreoffice';
import { bearerFor } from '../support/tokens';
import { GRAPH_AUDIENCE } from '../../src/composition/localTokens';

const withPdf = pdfConversionAvailable('drive-pdf') ? it : it.skip;

let tenant: LocalTenant;
let driveId: string;
const folder = '/sites/microdata/Dossierdocumenten/VSA-2026-0007';
const name = "Aanvraag O'Neil #3 – Zoë.docx";

/** A minimal .docx (content types, relationships, one document part) that Word and LibreOffice open. */
function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`)
  });
}

beforeAll(async () => {
  tenant = await startTenant();
  await provision(tenant);
  await call(tenant, dpoTeamMember, api(`web/folders/addusingpath(decodedurl='${folder}')`), { method: 'POST' });
  const bytes = docx(['Aanvraag microdata', 'Instelling: KU Leuven & partners (Zoë)', '']);
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
    const response = await fetch(`${tenant.graphBaseUrl}/v1.0/drives/${driveId}/root:/VSA-2026-0007/${encodeURIComponent(name)}:/content`, { headers: { Authorization: await bearerFor(tenant.baseUrl, dpoTeamMember, GRAPH_AUDIENCE) }, redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/\/_local\/download\/[A-Za-z0-9_-]+$/);
    const download = await fetch(location);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())[0]).toBe(0x50);
    expect((await fetch(`${tenant.baseUrl}/_local/download/unknown`)).status).toBe(404);
  });

  withPdf('converts the .docx to a PDF through the Graph client (LibreOffice), served from the same download store', async () => {
    const response = await fetch(`${tenant.graphBaseUrl}/v1.0/drives/${driveId}/root:/VSA-2026-0007/${encodeURIComponent(name)}:/content?format=pdf`, { headers: { Authorization: await bearerFor(tenant.baseUrl, dpoTeamMember, GRAPH_AUDIENCE) }, redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location') ?? '').toMatch(/\/_local\/download\/[A-Za-z0-9_-]+$/);
    const graph = localGraph(tenant.graphBaseUrl, dpoTeamMember);
    const buffer = (await graph.api(`/drives/${driveId}/root:/VSA-2026-0007/${encodeURIComponent(name)}:/content?format=pdf`).responseType(ResponseType.ARRAYBUFFER).get()) as ArrayBuffer;
    const text = Buffer.from(buffer).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  }, 120_000);

  it('says clearly that LibreOffice is missing (501) instead of faking a conversion', async () => {
    const saved = process.env.LOCAL_TENANT_SOFFICE;
    process.env.LOCAL_TENANT_SOFFICE = '';
    try {
      const response = await call(tenant, dpoTeamMember, `/graph/v1.0/drives/${driveId}/root:/VSA-2026-0007/${encodeURIComponent(name)}:/content?format=pdf`);
      expect(response.status).toBe(501);
      expect(response.json().error.code).toBe('notSupported');
      expect(response.json().error.message).toMatch(/LibreOffice \(soffice\) is niet geïnstalleerd/);
    } finally {
      if (saved === undefined) delete process.env.LOCAL_TENANT_SOFFICE;
      else process.env.LOCAL_TENANT_SOFFICE = saved;
    }
  });

  it('refuses other target formats, formats Graph does not convert and guests clearly', async () => {
    await call(tenant, dpoTeamMember, api(`web/getfolderbyserverrelativepath(decodedurl='${encodeURIComponent(folder)}')/files/addusingpath(decodedurl='nota.txt',overwrite=true)`), { method: 'POST', body: 'hallo' });
    const convert = (file: string, email = dpoTeamMember, format = 'pdf') => call(tenant, email, `/graph/v1.0/drives/${driveId}/root:/VSA-2026-0007/${file}:/content?format=${format}`);
    expect((await convert(encodeURIComponent(name), dpoTeamMember, 'jpg')).status).toBe(400);
    const text = await convert('nota.txt');
    expect(text.status).toBe(406);
    expect(text.json().error.message).toContain('cannot be converted to PDF');
    expect((await convert(encodeURIComponent(name), guest)).status).toBe(403);
  });
});
