/**
 * Signed originals for the publication-version tests: a protocol PDF of several pages (the seed's
 * layout) with what real files carry besides the signatures — an author in the document information,
 * XMP metadata naming the signer, a filled form field — signed by a requester and countersigned by the
 * Chief Statistician with visible signatures, made-up certificates with a recognisable serial number
 * and a fake national register number.
 */
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { createDemoPki, issueCertificate } from '../../src/local/pki/demoPki';
import type { DemoPki, IssuedCertificate } from '../../src/local/pki/demoPki';
import { signPdf } from '../../src/local/pki/signPdf';
import { protocolPdf, SIGNATURE_RECTS } from '../../src/local/seed/signedProtocol';
import type { ProtocolFacts } from '../../src/local/seed/signedProtocol';

export const NOW = new Date('2026-06-01T10:00:00Z');

/** The requester's fake national register number (never a real one) and the certificates' serials. */
export const REQUESTER_NATIONAL_NUMBER = '85073003361';
export const CHIEF_NATIONAL_NUMBER = '71020512345';
export const REQUESTER_SERIAL = 0x5eadbeef;
export const CHIEF_SERIAL = 0x3c0ffee5;
export const REQUESTER_EMAIL = 'jan.peeters@ugent.example';

export const FACTS: ProtocolFacts = {
  kind: 'protocol',
  number: 'PROT-2026-014',
  reference: 'VSA-2026-0042',
  institution: 'Universiteit Gent – Vakgroep Sociologie',
  enterpriseNumber: '0248.015.142',
  address: 'Korte Meer 5, 9000 Gent',
  signatoryName: 'Jan Peeters',
  signatoryCapacity: 'wettelijk vertegenwoordiger',
  title: 'Welzijn en werk bij jongvolwassenen in Vlaanderen',
  surveys: 'SV-bevraging 2023 (beide golven)',
  variables: [
    { name: 'leeftijd', why: 'indeling in leeftijdsgroepen' },
    { name: 'geslacht', why: 'verschillen tussen mannen en vrouwen' },
    { name: 'opleidingsniveau', why: 'samenhang tussen opleiding en welzijn' },
    { name: 'werkstatus', why: 'de centrale onafhankelijke variabele' },
    { name: 'tevredenheid_leven', why: 'de centrale afhankelijke variabele' }
  ],
  projectStart: '2026-01-01',
  projectEnd: '2028-12-31',
  conditions: ['De ontvanger bezorgt de VSA een kopie van elke publicatie vóór verspreiding.', 'Resultaten op gemeenteniveau worden niet gepubliceerd.'],
  chiefName: 'Els Vermeulen',
  signedAt: '2026-05-20T09:30:00Z',
  countersignedAt: '2026-05-27T14:00:00Z'
};

export interface SignedFixture {
  readonly pki: DemoPki;
  readonly requester: IssuedCertificate;
  readonly chief: IssuedCertificate;
  readonly unsigned: Uint8Array;
  readonly signed: Uint8Array;
  readonly countersigned: Uint8Array;
}

const YEAR = 365 * 24 * 3600 * 1000;

async function person(pki: DemoPki, givenName: string, surname: string, serial: number, nationalNumber: string): Promise<IssuedCertificate> {
  return issueCertificate({
    subject: { commonName: `${givenName} ${surname} (Signature)`, givenName, surname, serialNumber: nationalNumber },
    issuer: pki.intermediate,
    notBefore: new Date(NOW.getTime() - YEAR),
    notAfter: new Date(NOW.getTime() + 4 * YEAR),
    qualified: true,
    policies: ['0.4.0.194112.1.2'],
    serial
  });
}

/** The unsigned protocol with an author, XMP metadata and a filled form field, as real files have. */
export async function protocolWithMetadata(objectStreams = true): Promise<Uint8Array> {
  const document = await PDFDocument.load(await protocolPdf(FACTS), { updateMetadata: false });
  document.setAuthor('Jan Peeters');
  document.setCreator('Microsoft Word voor Microsoft 365 (Jan Peeters)');
  document.setSubject(`Protocol voor ${REQUESTER_EMAIL}`);
  document.setKeywords([REQUESTER_NATIONAL_NUMBER]);
  const xmp =
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Jan Peeters ${REQUESTER_EMAIL}</rdf:li></rdf:Seq></dc:creator></rdf:Description>` +
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>';
  const metadata = document.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
  document.catalog.set(PDFName.of('Metadata'), document.context.register(metadata));
  const font = await document.embedFont(StandardFonts.Helvetica);
  const field = document.getForm().createTextField('contactpersoon');
  field.setText('Jan Peeters');
  field.addToPage(document.getPage(0), { x: 360, y: 790, width: 170, height: 18, font });
  field.updateAppearances(font);
  return document.save({ useObjectStreams: objectStreams });
}

/** Signed by the requester, then countersigned by the Chief Statistician (both visible, last page). */
export async function signedFixture(options: { objectStreams?: boolean; subFilter?: 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached' } = {}): Promise<SignedFixture> {
  const pki = await createDemoPki(NOW);
  const requester = await person(pki, 'Jan', 'Peeters', REQUESTER_SERIAL, REQUESTER_NATIONAL_NUMBER);
  const chief = await person(pki, 'Els', 'Vermeulen', CHIEF_SERIAL, CHIEF_NATIONAL_NUMBER);
  const unsigned = await protocolWithMetadata(options.objectStreams ?? true);
  const lastPage = (await PDFDocument.load(unsigned)).getPageCount() - 1;
  const signed = await signPdf(unsigned, {
    signer: requester,
    chain: [pki.intermediate],
    subFilter: options.subFilter ?? 'ETSI.CAdES.detached',
    signingTime: new Date(FACTS.signedAt),
    name: 'Jan Peeters',
    reason: 'Ondertekening door de aanvrager',
    location: 'Gent',
    appearance: { page: lastPage, rect: [...SIGNATURE_RECTS.requester] }
  });
  const countersigned = await signPdf(signed, {
    signer: chief,
    chain: [pki.intermediate],
    subFilter: options.subFilter ?? 'ETSI.CAdES.detached',
    signingTime: new Date(FACTS.countersignedAt),
    appearance: { page: lastPage, rect: [...SIGNATURE_RECTS.chief] }
  });
  return { pki, requester, chief, unsigned, signed, countersigned };
}

/** The CMS `/Contents` of every signature in a signed file, as DER. */
export function signatureContents(bytes: Uint8Array): Buffer[] {
  const text = Buffer.from(bytes).toString('latin1');
  return [...text.matchAll(/\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/g)].map((match) => {
    const [, b, c] = match.slice(1).map(Number);
    return Buffer.from(text.slice(b + 1, c - 1).replace(/(00)+$/, ''), 'hex');
  });
}

/** DER of an INTEGER holding the serial (as in the certificate and the CMS's IssuerAndSerialNumber). */
export function serialDer(serial: number): Buffer {
  let hex = serial.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return Buffer.concat([Buffer.from([0x02, hex.length / 2]), Buffer.from(hex, 'hex')]);
}
