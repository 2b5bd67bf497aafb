/**
 * The demo's signed protocols as PDFs, the way they arrive in reality: the protocol (or addendum) as
 * a few pages of text from the dossier, signed with an eID-like certificate by the requester's
 * signatory and then countersigned by the Chief Statistician (each a visible signature in an
 * incremental update, made with the made-up demo PKI), and the publication version made from the
 * countersigned original by `makePublicationVersion`. Never a real person's certificate; the keys
 * live in memory for one seed run.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { makePublicationVersion } from '../../signatures/publication';
import type { DemoPki, IssuedCertificate } from '../pki/demoPki';
import { localDemoPki } from '../pki/localDemoPki';
import { signPdf } from '../pki/signPdf';
import type { PlannedDossier } from './plan';

/** What the protocol says: the dossier's facts. */
export interface ProtocolFacts {
  readonly kind: 'protocol' | 'addendum';
  readonly number: string;
  readonly reference: string;
  readonly parentProtocolNumber?: string;
  readonly institution: string;
  readonly enterpriseNumber: string;
  readonly address?: string;
  readonly signatoryName: string;
  readonly signatoryCapacity: string;
  readonly title: string;
  readonly surveys: string;
  readonly variables: readonly { readonly name: string; readonly why: string }[];
  readonly projectStart: string;
  readonly projectEnd: string;
  readonly conditions: readonly string[];
  readonly chiefName: string;
  /** ISO date-times of the two signatures. */
  readonly signedAt: string;
  readonly countersignedAt: string;
}

const PAGE: [number, number] = [595.28, 841.89];
const MARGIN = 64;
const BODY_SIZE = 10.5;
const LEADING = 14.5;

/** Where the two signature blocks are drawn on the last page (points, `[x1, y1, x2, y2]`). */
export const SIGNATURE_RECTS = {
  requester: [MARGIN, 120, MARGIN + 220, 170] as const,
  chief: [PAGE[0] - MARGIN - 220, 120, PAGE[0] - MARGIN, 170] as const
};

/** Characters Helvetica's WinAnsi encoding has; others become "?" (demo data is Dutch, so rarely). */
function winAnsi(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff–—‘’“”•…€]/g, '?');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of winAnsi(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) > width && line) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    lines.push(line);
  }
  return lines;
}

const formatDate = (iso: string): string => {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
};

/** The articles of the protocol, in order. */
function articles(facts: ProtocolFacts): { heading: string; text: string }[] {
  const what = facts.kind === 'addendum' ? `dit addendum ${facts.number} bij protocol ${facts.parentProtocolNumber ?? ''}`.trim() : `dit protocol ${facts.number}`;
  const out = [
    {
      heading: 'Artikel 1. Partijen',
      text:
        `De Vlaamse Statistische Autoriteit (VSA), vertegenwoordigd door ${facts.chiefName}, hoofdstatisticus, en ` +
        `${facts.institution} (ondernemingsnummer ${facts.enterpriseNumber}${facts.address ? `, ${facts.address}` : ''}), ` +
        `vertegenwoordigd door ${facts.signatoryName}, ${facts.signatoryCapacity}, hierna "de ontvanger".`
    },
    {
      heading: 'Artikel 2. Voorwerp',
      text:
        `${what[0].toUpperCase()}${what.slice(1)} regelt de mededeling van gepseudonimiseerde microgegevens (dossier ${facts.reference}) ` +
        `voor het project "${facts.title}", op grond van het decreet van 4 februari 2022 over de Vlaamse statistiek en artikel 89 van de AVG.`
    },
    { heading: 'Artikel 3. Bevragingen', text: `De gegevens komen uit: ${facts.surveys}.` },
    {
      heading: 'Artikel 4. Gegevens',
      text: ['De ontvanger krijgt uitsluitend de volgende variabelen, met de verantwoording van elk:', ...facts.variables.map((variable) => `• ${variable.name}: ${variable.why}`)].join('\n')
    },
    {
      heading: 'Artikel 5. Duur',
      text: `De gegevens mogen verwerkt worden van ${formatDate(facts.projectStart)} tot ${formatDate(facts.projectEnd)}; daarna worden ze vernietigd en bevestigt de ontvanger de vernietiging schriftelijk.`
    },
    {
      heading: 'Artikel 6. Beveiliging',
      text:
        'De ontvanger verwerkt de gegevens alleen in een beveiligde omgeving, door de personen die in de aanvraag zijn vermeld, ' +
        'en doet geen poging om personen te heridentificeren. Hij koppelt de gegevens niet met andere bestanden dan vermeld in de aanvraag.'
    },
    {
      heading: 'Artikel 7. Publicatie',
      text: 'Enkel geaggregeerde resultaten worden gepubliceerd; cellen met minder dan tien respondenten worden samengevoegd of weggelaten. Dit protocol wordt gepubliceerd op de website van Statistiek Vlaanderen.'
    }
  ];
  if (facts.conditions.length > 0) {
    out.push({ heading: 'Artikel 8. Voorwaarden van de beslissing', text: facts.conditions.map((condition, index) => `${index + 1}. ${condition}`).join('\n') });
  }
  return out;
}

/** The unsigned protocol or addendum as a PDF (pdf-lib, Helvetica): a few pages, signature blocks on the last. */
export async function protocolPdf(facts: ProtocolFacts): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(`${facts.kind === 'addendum' ? 'Addendum' : 'Protocol'} ${facts.number}`);
  // As a word processor's export does: the author is the person who wrote it (the publication version drops it).
  document.setAuthor(facts.signatoryName);
  document.setProducer('Microdata Dossiers (demo)');
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE[0] - 2 * MARGIN;
  let page: PDFPage = document.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const newPage = (): void => {
    page = document.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const line = (text: string, font: PDFFont, size: number, gap = LEADING): void => {
    if (y < MARGIN + 40) newPage();
    page.drawText(text, { x: MARGIN, y, size, font });
    y -= gap;
  };
  line('Vlaamse Statistische Autoriteit', bold, 12, 18);
  const title = facts.kind === 'addendum' ? `Addendum ${facts.number}` : `Protocol ${facts.number}`;
  line(title, bold, 16, 22);
  for (const text of wrap(`betreffende de mededeling van microgegevens aan ${facts.institution}`, regular, 12, width)) line(text, regular, 12, 16);
  y -= 10;
  for (const article of articles(facts)) {
    if (y < MARGIN + 100) newPage();
    line(winAnsi(article.heading), bold, 11, 16);
    for (const text of wrap(article.text, regular, BODY_SIZE, width)) line(text, regular, BODY_SIZE);
    y -= 8;
  }
  // The signature blocks: printed names and capacities, with room for the visible signatures below.
  if (y < 260) newPage();
  const blockTop = 250;
  const columns = [
    { x: SIGNATURE_RECTS.requester[0], lines: [`Voor ${facts.institution}`, facts.signatoryName, facts.signatoryCapacity, `Datum: ${formatDate(facts.signedAt)}`] },
    { x: SIGNATURE_RECTS.chief[0], lines: ['Voor de Vlaamse Statistische Autoriteit', facts.chiefName, 'hoofdstatisticus', `Datum: ${formatDate(facts.countersignedAt)}`] }
  ];
  for (const column of columns) {
    column.lines.forEach((text, index) => {
      const shown = wrap(text, index === 1 ? bold : regular, 9.5, 220)[0];
      page.drawText(shown, { x: column.x, y: blockTop - index * 13, size: 9.5, font: index === 1 ? bold : regular });
    });
  }
  const pages = document.getPages();
  pages.forEach((each, index) => each.drawText(`${title} — pagina ${index + 1} van ${pages.length}`, { x: MARGIN, y: 36, size: 8, font: regular }));
  // Classic cross-reference table: signPdf's incremental update of a file with object streams reuses
  // the numbers of the object and cross-reference streams (pdf-lib does not count them), which other
  // readers than pdf-lib cannot open (see docs/decisions/signatures.md).
  return document.save({ useObjectStreams: false });
}

let pkiOfRun: Promise<DemoPki> | undefined;
const certificates = new Map<string, Promise<IssuedCertificate>>();

/** The local tenant's demo PKI (its root is trusted by the local command service) and one eID-like certificate per person. */
async function certificateOf(givenName: string, surname: string, now: Date): Promise<{ pki: DemoPki; certificate: IssuedCertificate }> {
  pkiOfRun ??= localDemoPki(now);
  const pki = await pkiOfRun;
  const key = `${givenName} ${surname}`;
  let certificate = certificates.get(key);
  if (!certificate) {
    certificate = pki.person(givenName, surname, { notBefore: new Date(now.getTime() - 3 * 365 * 24 * 3600 * 1000) });
    certificates.set(key, certificate);
  }
  return { pki, certificate: await certificate };
}

/** "Els Vermeulen" → given name "Els", surname "Vermeulen" (the first word is the given name). */
function nameParts(name: string): [string, string] {
  const words = name.trim().split(/\s+/);
  return words.length < 2 ? [words[0] ?? name, words[0] ?? name] : [words[0], words.slice(1).join(' ')];
}

/** The original twice: signed by the requester, then also countersigned by the Chief Statistician. */
export async function signedProtocolPdfs(facts: ProtocolFacts): Promise<{ readonly signed: Uint8Array; readonly countersigned: Uint8Array }> {
  const unsigned = await protocolPdf(facts);
  const lastPage = (await PDFDocument.load(unsigned, { updateMetadata: false })).getPageCount() - 1;
  const signedAt = new Date(facts.signedAt);
  const countersignedAt = new Date(facts.countersignedAt);
  const requester = await certificateOf(...nameParts(facts.signatoryName), signedAt);
  const signed = await signPdf(unsigned, {
    signer: requester.certificate,
    chain: [requester.pki.intermediate],
    subFilter: 'ETSI.CAdES.detached',
    signingTime: signedAt,
    fieldName: 'HandtekeningAanvrager',
    reason: 'Ondertekening door de aanvrager',
    appearance: { page: lastPage, rect: [...SIGNATURE_RECTS.requester] }
  });
  const chief = await certificateOf(...nameParts(facts.chiefName), countersignedAt);
  const countersigned = await signPdf(signed, {
    signer: chief.certificate,
    chain: [chief.pki.intermediate],
    subFilter: 'ETSI.CAdES.detached',
    signingTime: countersignedAt,
    fieldName: 'HandtekeningVSA',
    reason: 'Medeondertekening door de hoofdstatisticus',
    appearance: { page: lastPage, rect: [...SIGNATURE_RECTS.chief] }
  });
  return { signed, countersigned };
}

/** The publication version of the countersigned original (a PDF: no conversion needed). */
export async function publicationPdfOf(countersigned: Uint8Array, fileName: string): Promise<{ readonly bytes: Uint8Array; readonly fileName: string }> {
  const version = await makePublicationVersion(countersigned, fileName);
  if (version.format !== 'pdf') throw new Error(`Seed: the publication version of ${fileName} is not a PDF.`);
  return { bytes: version.bytes, fileName: version.fileName };
}

/** The protocol facts of a planned demo dossier, countersigned by `chiefName` at `countersignedAt`. */
export function protocolFactsOf(plan: PlannedDossier, chiefName: string, countersignedAt: string): ProtocolFacts {
  const simplified = plan.procedure === 'simplified';
  return {
    kind: simplified ? 'addendum' : 'protocol',
    number: plan.protocolNumber ?? plan.reference,
    reference: plan.reference,
    ...(plan.parent?.protocolNumber ? { parentProtocolNumber: plan.parent.protocolNumber } : {}),
    institution: plan.institution.name,
    enterpriseNumber: plan.kbo,
    address: plan.institution.address,
    signatoryName: plan.contactName,
    signatoryCapacity: plan.signatoryCapacity,
    title: plan.subject,
    surveys: plan.surveys,
    variables: plan.variables,
    projectStart: plan.projectStart,
    projectEnd: plan.projectEnd,
    conditions: plan.rejected ? [] : (plan.conditions?.conditions ?? []).map((condition) => condition.text),
    chiefName,
    signedAt: plan.steps.find((step) => step.kind === 'signed')?.at ?? countersignedAt,
    countersignedAt
  };
}

/** `Protocol PROT-2026-014 (medeondertekend).pdf`; an addendum's "/" becomes "-". */
export function countersignedFileName(facts: ProtocolFacts): string {
  return `${facts.kind === 'addendum' ? 'Addendum' : 'Protocol'} ${facts.number} (medeondertekend).pdf`.replace(/\//g, '-');
}
