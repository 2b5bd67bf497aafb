import JSZip from 'jszip';
import { generateTemplate } from '../../src/forms';
import { GraphPdfConverter, PublicationService, publicationFileName } from '../../src/data/mail';
import { AN, startIntakeTenant } from './support/front';
import type { IntakeTenant } from './support/front';
import { driveDossier, recordBothVersionsMail } from './support/flow';
import { pdfConversionAvailable } from './support/libreoffice';
import { bearerFor } from '../support/tokens';
import { createLocalComposition } from '../../src/composition/local';
import { GRAPH_AUDIENCE } from '../../src/composition/localTokens';

/** The data layer of the command service's own identity, which writes the library directly. */
function storeAsService(tenant: IntakeTenant) {
  return createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false }).data;
}

const withPdf = pdfConversionAvailable('publication.integration') ? describe : describe.skip;

describe('the drive routes of the local tenant', () => {
  let tenant: IntakeTenant;
  beforeAll(async () => {
    tenant = await startIntakeTenant();
  }, 60_000);
  afterAll(async () => tenant?.close());

  it('gives the library drive id and the raw file; refuses unknown drives and other formats', async () => {
    // Raw files as fixtures of the drive routes: stored by the service's own identity (the only writer
    // of the library), as no persona may store a file the service would not accept.
    const data = storeAsService(tenant);
    await data.documents.ensureFolder('VSA-2026-0009');
    await data.documents.upload('VSA-2026-0009', 'nota.txt', new TextEncoder().encode('hallo'), { kind: 'mandate', phase: 'draft' });
    const converter = new GraphPdfConverter(tenant.graph(AN), { siteUrl: tenant.siteUrl });
    const driveId = await converter.libraryDriveId();
    expect(driveId).toMatch(/^b!/);
    const response = await fetch(`${tenant.baseUrl}/graph/v1.0/drives/${driveId}/root:/VSA-2026-0009/nota.txt:/content`, { headers: { Authorization: await bearerFor(tenant.baseUrl, AN, GRAPH_AUDIENCE) } });
    expect(await response.text()).toBe('hallo');
    const wrongFormat = await fetch(`${tenant.baseUrl}/graph/v1.0/drives/${driveId}/root:/VSA-2026-0009/nota.txt:/content?format=jpg`, { headers: { Authorization: await bearerFor(tenant.baseUrl, AN, GRAPH_AUDIENCE) } });
    expect(wrongFormat.status).toBe(400);
    const unknown = await fetch(`${tenant.baseUrl}/graph/v1.0/drives/b!nope/root:/x.docx:/content?format=pdf`, { headers: { Authorization: await bearerFor(tenant.baseUrl, AN, GRAPH_AUDIENCE) } });
    expect(unknown.status).toBe(404);
    const anonymous = await fetch(`${tenant.baseUrl}/graph/v1.0/drives/${driveId}/root:/VSA-2026-0009/nota.txt:/content`);
    expect(anonymous.status).toBe(401);
    await expect(converter.toPdf('VSA-2026-0009', 'nota.txt')).rejects.toMatchObject({ code: 'data.error.invalidInput' });
  });

  it('says clearly that LibreOffice is missing instead of failing obscurely', async () => {
    const data = storeAsService(tenant);
    await data.documents.ensureFolder('VSA-2026-0009');
    await data.documents.upload('VSA-2026-0009', 'protocol.docx', new Uint8Array([80, 75, 3, 4]), { kind: 'protocol', phase: 'countersigned' });
    const driveId = await new GraphPdfConverter(tenant.graph(AN), { siteUrl: tenant.siteUrl }).libraryDriveId();
    const saved = process.env.LOCAL_TENANT_SOFFICE;
    process.env.LOCAL_TENANT_SOFFICE = '';
    try {
      const response = await fetch(`${tenant.baseUrl}/graph/v1.0/drives/${driveId}/root:/VSA-2026-0009/protocol.docx:/content?format=pdf`, { headers: { Authorization: await bearerFor(tenant.baseUrl, AN, GRAPH_AUDIENCE) }, redirect: 'manual' });
      expect(response.status).toBe(501);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('notSupported');
      expect(body.error.message).toMatch(/LibreOffice \(soffice\) is niet geïnstalleerd/);
    } finally {
      if (saved === undefined) delete process.env.LOCAL_TENANT_SOFFICE;
      else process.env.LOCAL_TENANT_SOFFICE = saved;
    }
  });
});

withPdf('publication version through ?format=pdf (LibreOffice)', () => {
  let tenant: IntakeTenant;
  beforeAll(async () => {
    tenant = await startIntakeTenant();
    await driveDossier(tenant, 'VSA-2026-0001', 'signed');
  }, 60_000);
  afterAll(async () => tenant?.close());

  it('answers 302 to a short-lived URL that serves the PDF once authenticated links are followed', async () => {
    // protocol-ondertekend.docx is the countersigned protocol driveDossier stored through the service.
    const driveId = await new GraphPdfConverter(tenant.graph(AN), { siteUrl: tenant.siteUrl }).libraryDriveId();
    const redirect = await fetch(`${tenant.baseUrl}/graph/v1.0/drives/${driveId}/root:/VSA-2026-0001/protocol-ondertekend.docx:/content?format=pdf`, {
      headers: { Authorization: await bearerFor(tenant.baseUrl, AN, GRAPH_AUDIENCE) },
      redirect: 'manual'
    });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location')!;
    expect(location).toMatch(/\/_local\/download\/[\w-]+$/);
    const download = await fetch(location);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await fetch(`${location}x`)).status).toBe(404);
  }, 120_000);

  it('stores the publication version and publishes the dossier', async () => {
    const { data } = tenant.as(AN);
    const service = new PublicationService({ commands: data.commands, documents: data.documents, converter: new GraphPdfConverter(tenant.graph(AN), { siteUrl: tenant.siteUrl }) });
    const stored = await service.createPublicationVersion('VSA-2026-0001', 'protocol-ondertekend.docx');
    expect(stored.fileName).toBe(publicationFileName('protocol-ondertekend.docx'));
    expect(stored).toMatchObject({ fileName: 'protocol-ondertekend-publicatie.pdf', kind: 'publicationVersion', phase: 'publication' });
    const bytes = await data.documents.download('VSA-2026-0001', stored.fileName);
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
    // Publishing needs the mail with both versions first: refused without it, published after it.
    const refused = await service.publish('VSA-2026-0001', stored, await data.directory.currentActor(), 'publish-0');
    expect(refused).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: 'dossier.error.bothVersionsNotSent' })] });
    await recordBothVersionsMail(tenant.as(AN), 'VSA-2026-0001', stored.fileName);
    const outcome = await service.publish('VSA-2026-0001', stored, await data.directory.currentActor(), 'publish-1');
    expect(outcome.ok).toBe(true);
    const dossier = (await data.commands.load('VSA-2026-0001')).dossier!;
    expect(dossier.state).toBe('published');
    expect(dossier.publication?.publicationDocumentId).toBe(stored.id);
  }, 120_000);

  it('the PDF carries none of the signature data of the signed document', async () => {
    const { data } = tenant.as(AN);
    const signed = await JSZip.loadAsync(await generateTemplate('protocol'));
    const signatureXml = '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/><SignatureValue>U0lHTkFUVVJFREFUQQ==</SignatureValue><KeyInfo><X509Data><X509Certificate>Q0VSVElGSUNBVEVEQVRB</X509Certificate></X509Data></KeyInfo></Signature>';
    signed.file('_xmlsignatures/sig1.xml', signatureXml);
    signed.file('_xmlsignatures/origin.sigs', '');
    const bytes = await signed.generateAsync({ type: 'uint8array' });
    await data.documents.upload('VSA-2026-0001', 'protocol-met-handtekening.docx', bytes, { kind: 'protocol', phase: 'countersigned' });
    const pdf = Buffer.from(await new GraphPdfConverter(tenant.graph(AN), { siteUrl: tenant.siteUrl }).toPdf('VSA-2026-0001', 'protocol-met-handtekening.docx'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect(text).not.toContain('U0lHTkFUVVJFREFUQQ');
    expect(text).not.toContain('Q0VSVElGSUNBVEVEQVRB');
    expect(text).not.toMatch(/\/Type\s*\/Sig\b/);
  }, 120_000);

  it('refuses a document that is not countersigned', async () => {
    const { data } = tenant.as(AN);
    const service = new PublicationService({ commands: data.commands, documents: data.documents, converter: new GraphPdfConverter(tenant.graph(AN), { siteUrl: tenant.siteUrl }) });
    await expect(service.createPublicationVersion('VSA-2026-0001', 'aanvraag.docx')).rejects.toMatchObject({
      code: 'data.error.invalidInput', details: { serviceCode: 'app.error.publicationSourceNotRegistered' }
    });
  });
});
