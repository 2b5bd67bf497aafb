import { PDFDocument } from 'pdf-lib';
import { planDossiers } from '../../src/local/seed/plan';
import { SeededRandom } from '../../src/local/seed/random';
import { countersignedFileName, protocolFactsOf, publicationPdfOf, signedProtocolPdfs } from '../../src/local/seed/signedProtocol';
import { pdfTexts } from '../support/pdfText';

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('the demo seed’s signed protocols', () => {
  const plans = planDossiers(new SeededRandom(7), new Date('2026-11-25T12:00:00Z'));
  const published = plans.filter((plan) => plan.steps.some((step) => step.kind === 'publish'));
  const standard = published.find((plan) => plan.procedure === 'standard')!;
  const simplified = plans.find((plan) => plan.procedure === 'simplified' && plan.protocolNumber !== undefined);

  it('writes the protocol from the dossier, signs it twice and makes a clean publication version of it', async () => {
    const countersignedAt = standard.steps.find((step) => step.kind === 'countersign')!.at;
    const facts = protocolFactsOf(standard, 'Els Vermeulen', countersignedAt);
    expect(facts.kind).toBe('protocol');
    expect(facts.number).toBe(standard.protocolNumber);
    const { signed, countersigned } = await signedProtocolPdfs(facts);
    expect((latin1(signed).match(/\/ByteRange/g) ?? []).length).toBe(1);
    expect((latin1(countersigned).match(/\/ByteRange/g) ?? []).length).toBe(2);
    // An incremental update: the requester's signed file is the start of the countersigned one.
    expect(Buffer.from(countersigned.subarray(0, signed.length)).equals(Buffer.from(signed))).toBe(true);
    const text = (await pdfTexts(countersigned)).pages.flat().join('\n');
    expect(text).toContain(`Protocol ${standard.protocolNumber}`);
    expect(text).toContain(standard.contactName);
    for (const variable of standard.variables) expect(text).toContain(variable.name);

    const fileName = countersignedFileName(facts);
    const publication = await publicationPdfOf(countersigned, fileName);
    expect(publication.fileName).toBe(fileName.replace(/\.pdf$/, '-publicatie.pdf'));
    expect(publication.bytes.length).toBeGreaterThan(3000);
    for (const key of ['/ByteRange', '/Sig', '/AcroForm', '/Annots', '/Author', '/Prev']) expect(latin1(publication.bytes)).not.toContain(key);
    const after = await pdfTexts(publication.bytes);
    const before = await pdfTexts(countersigned);
    after.pages.forEach((shown, index) => expect(shown).toEqual([...before.pages[index], ...before.annotations[index]]));
    expect(after.pages.flat().join('\n')).toContain(`Digitaal ondertekend door ${standard.contactName}`);
    expect((await PDFDocument.load(publication.bytes)).getPageCount()).toBe((await PDFDocument.load(countersigned)).getPageCount());
  }, 60000);

  it('names an addendum after its number, with its protocol', () => {
    expect(simplified).toBeDefined();
    const facts = protocolFactsOf(simplified!, 'Els Vermeulen', '2026-06-01T10:00:00Z');
    expect(facts.kind).toBe('addendum');
    expect(countersignedFileName(facts)).not.toContain('/');
    expect(countersignedFileName(facts)).toMatch(/^Addendum .+ \(medeondertekend\)\.pdf$/);
  });
});
