import { checkForm, countBySeverity, fieldIdsOfForm, fillForm, generateTemplate, parseCodebookFile, readForm, rowsFieldIdsOfForm } from '../../forms';
import type { Codebook } from '../../forms';
import { demoCodebookFiles } from './codebooks';
import type { Finding, FormDocument, FormType } from '../../forms';
import type { CheckSummary, SignatoryCapacity } from '../../domain/types';
import { legalBases, surveysAsCatalogued, variables } from './catalog';
import type { SeededRandom } from './random';
import type { ConditionInput } from '../../domain/advice';
import { conditionRows } from '../../correspondence/conditions';

/** What a demo form says about its dossier. */
export interface FormFacts {
  readonly reference: string;
  readonly institution: string;
  readonly institutionType: string;
  readonly address: string;
  readonly kbo: string;
  readonly contactName: string;
  readonly contactFunction: string;
  readonly contactEmail: string;
  readonly title: string;
  readonly researchType: string;
  readonly startDate: string;
  readonly endDate: string;
  /** The survey answer as the requester writes it; default: one picked per form. */
  readonly surveys?: string;
  /** The variables requested; default: a few picked per form. */
  readonly variables?: readonly { readonly name: string; readonly why: string }[];
  readonly parentProtocolNumber?: string;
  readonly parentProtocolDate?: string;
  /** The decision's conditions (an approval; [] for none): the signed protocol or addendum carries them. */
  readonly conditions?: readonly ConditionInput[];
}

/** Deliberate defects, so the demo shows findings (all blocking). */
export type FormDefect = 'missingLegalBasis' | 'badEnterpriseNumber' | 'unjustifiedVariable';

/** A signature block (signed phase). */
export interface SignatureFacts {
  readonly name: string;
  readonly capacity: SignatoryCapacity;
  readonly date: string;
  readonly place: string;
  /** The Chief Statistician's countersignature (protocol/addendum). */
  readonly vsaName?: string;
  readonly vsaDate?: string;
}

const templates = new Map<FormType, Promise<Uint8Array>>();

let demoCodebooks: readonly Codebook[] | undefined;

/**
 * The seed imports these codebooks before any dossier, so the check counts stored with a demo form are
 * the ones the register's own check (with codebooks) shows.
 */
function codebooksOfSeed(): readonly Codebook[] {
  demoCodebooks ??= demoCodebookFiles().flatMap((file) => parseCodebookFile(file.bytes, file.fileName));
  return demoCodebooks;
}

function template(formType: FormType): Promise<Uint8Array> {
  let cached = templates.get(formType);
  if (!cached) {
    cached = generateTemplate(formType);
    templates.set(formType, cached);
  }
  return cached;
}

/** `yyyy-mm-dd` → `dd/mm/yyyy`, the form's date format. */
function formDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** A valid Belgian enterprise number (mod-97 check digits) from the generator. */
export function enterpriseNumber(random: SeededRandom): string {
  const base = random.int(2000000, 9999999);
  const check = 97 - (base % 97);
  const digits = `0${String(base).padStart(7, '0')}${String(check).padStart(2, '0')}`;
  return `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`;
}

function valueFor(fieldId: string, facts: FormFacts, random: SeededRandom): string | undefined {
  const plain: Record<string, string> = {
    'aanvrager.instelling': facts.institution,
    'aanvrager.kbo': facts.kbo,
    'aanvrager.type': facts.institutionType,
    'aanvrager.adres': facts.address,
    'contact.naam': facts.contactName,
    'contact.functie': facts.contactFunction,
    'contact.email': facts.contactEmail,
    'contact.telefoon': `+32 9 ${random.int(200, 999)} ${random.int(10, 99)} ${random.int(10, 99)}`,
    'verantwoordelijke.naam': facts.institution,
    'vertegenwoordiger.naam': facts.contactName,
    'vertegenwoordiger.hoedanigheid': 'wettelijk vertegenwoordiger',
    'dpoInstelling.naam': 'Functionaris gegevensbescherming',
    'dpoInstelling.email': `dpo@${facts.contactEmail.split('@')[1]}`,
    'project.titel': facts.title,
    'project.doeleinden': `Onderzoek naar ${facts.title.toLowerCase()} met het oog op beleidsaanbevelingen.`,
    'project.onderzoekstype': facts.researchType,
    'project.rechtsgrond': random.pick(legalBases),
    'project.noodzakelijkheid': 'Geaggregeerde tabellen volstaan niet voor de multivariate analyse.',
    'project.startdatum': formDate(facts.startDate),
    'project.einddatum': formDate(facts.endDate),
    'gegevens.bevragingen': facts.surveys ?? random.pick(surveysAsCatalogued),
    'gegevens.koppeling': 'nee',
    'gegevens.pseudonimisering': 'De VSA levert gepseudonimiseerde gegevens; de sleutel blijft bij de VSA.',
    'gegevens.doorgifteBuitenEER': 'nee',
    'bewaring.termijn': formDate(facts.endDate),
    'bewaring.vernietiging': 'Veilig wissen van alle kopieën na afloop, met verklaring aan de VSA.',
    'publicatie.regels': 'Enkel geaggregeerde resultaten, minimale celgrootte 10.',
    'tom.toegangsbeheer': 'Toegang enkel voor de genoemde onderzoekers, met persoonlijke accounts en MFA.',
    'tom.versleuteling': 'Versleutelde opslag (AES-256) en versleuteld transport.',
    'tom.opslaglocatie': 'Beveiligde onderzoeksserver binnen de EER.',
    'tom.logging': 'Elke toegang wordt gelogd en maandelijks nagekeken.',
    'tom.vertrouwelijkheid': 'Alle ontvangers ondertekenen een vertrouwelijkheidsverklaring.',
    'tom.incidenten': 'Melding aan de DPO van de VSA binnen 24 uur.',
    'tom.vernietiging': 'Vernietiging na de bewaartermijn, met bewijs aan de VSA.',
    'protocol.voorwerp': `Mededeling van individuele gegevens voor het project "${facts.title}".`,
    'protocol.gegevenscategorieen': 'Socio-demografische kenmerken en antwoorden op de vragenlijst.',
    'protocol.beveiliging': 'Zie de verklaring over de technische en organisatorische maatregelen.',
    'protocol.looptijd': `Tot ${formDate(facts.endDate)}`,
    'protocol.publicatie': 'Dit protocol wordt gepubliceerd op de website van Statistiek Vlaanderen.',
    'bestaandProtocol.nummer': facts.parentProtocolNumber ?? '',
    'bestaandProtocol.datum': facts.parentProtocolDate ? formDate(facts.parentProtocolDate) : '',
    'vereenvoudigd.reden': 'verlenging',
    'verlenging.nieuweEinddatum': formDate(facts.endDate),
    'addendum.wijzigingen': `Verlenging van de looptijd tot ${formDate(facts.endDate)}.`,
    'addendum.ingangsdatum': formDate(facts.startDate)
  };
  return plain[fieldId];
}

/** Builds a filled form (optionally with a defect and signatures) and checks it as the product does. */
export async function buildForm(
  formType: FormType,
  facts: FormFacts,
  random: SeededRandom,
  options: { defect?: FormDefect; signature?: SignatureFacts; today: string; revisions?: Readonly<Record<string, string>> }
): Promise<{ bytes: Uint8Array; check: CheckSummary; form: FormDocument; findings: Finding[] }> {
  const fields: Record<string, string> = {};
  for (const fieldId of fieldIdsOfForm(formType)) {
    if (fieldId.startsWith('ondertekening')) continue;
    const value = valueFor(fieldId, facts, random);
    if (value !== undefined && value !== '') fields[fieldId] = value;
  }
  if (options.signature) {
    fields['ondertekening.naam'] = options.signature.name;
    fields['ondertekening.hoedanigheid'] = options.signature.capacity;
    fields['ondertekening.datum'] = formDate(options.signature.date);
    fields['ondertekening.plaats'] = options.signature.place;
    if (options.signature.vsaName && options.signature.vsaDate) {
      fields['ondertekeningVsa.naam'] = options.signature.vsaName;
      fields['ondertekeningVsa.datum'] = formDate(options.signature.vsaDate);
    }
  }
  const chosen = facts.variables ?? random.sample(variables, random.int(3, 6));
  const rows: Record<string, Record<string, string>[]> = {};
  for (const rowsId of rowsFieldIdsOfForm(formType)) {
    if (rowsId === 'variabelen') rows[rowsId] = chosen.map((v) => ({ 'variabelen.naam': v.name, 'variabelen.motivering': v.why }));
    if (rowsId === 'ontvangers') rows[rowsId] = [{ 'ontvangers.naam': facts.contactName, 'ontvangers.instelling': facts.institution }];
    // The VSA prepared the protocol or addendum to sign with the decision's conditions (step 4).
    if (rowsId === 'voorwaarden' && options.signature && facts.conditions) rows[rowsId] = conditionRows(facts.conditions);
  }
  // A later version rewrites some answers (the review demo's second version).
  for (const [fieldId, value] of Object.entries(options.revisions ?? {})) if (fieldId in fields) fields[fieldId] = value;
  if (options.defect === 'missingLegalBasis') delete fields['project.rechtsgrond'];
  if (options.defect === 'badEnterpriseNumber' && fields['aanvrager.kbo']) fields['aanvrager.kbo'] = '0123.456.789';
  if (options.defect === 'unjustifiedVariable' && rows.variabelen) rows.variabelen.push({ 'variabelen.naam': 'rijksregisternummer' });
  const fileName = `${formType}.docx`;
  const bytes = await fillForm(await template(formType), { fields, rows }, { fileName });
  const form = await readForm(bytes, fileName);
  const findings = checkForm(form, {
    phase: options.signature ? 'signed' : 'draft',
    today: options.today,
    hasMandateDocument: options.signature?.capacity === 'gevolmachtigde',
    knownProtocolNumbers: facts.parentProtocolNumber ? [facts.parentProtocolNumber] : [],
    codebooks: codebooksOfSeed()
  });
  return { bytes, check: countBySeverity(findings), form, findings };
}

/** A small, valid PDF standing in for a scanned or printed document (publication version, mandate). */
export function demoPdf(title: string): Uint8Array {
  const text = title.replace(/[()\\]/g, ' ').replace(/[^\x20-\x7e]/g, '?');
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
