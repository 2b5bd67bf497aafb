import { addendumValues, buildMailDraft, conditionLines, conditionRows, conditionsFormValues, noConditionsText, protocolFileName, variantOf } from '../../src/correspondence';
import { protocolToSign } from '../../src/correspondence/protocolToSign';
import { CommandService } from '../../src/data/commandService';
import { CorrespondenceService } from '../../src/data/mail';
import type { OutgoingMail } from '../../src/data/mail';
import type { DocumentLibrary } from '../../src/data/ports';
import type { DossierCondition } from '../../src/domain/advice';
import type { Dossier } from '../../src/domain/types';
import { checkForm, fillForm, generateTemplate, readForm } from '../../src/forms';
import { sampleValues } from '../../src/forms/samples';
import { MemoryStores } from '../data/support/memoryStores';
import { buildDossier, people } from './support/dossiers';

const context = { mailbox: 'data-aanvragen@vsa.local' };

const conditions: DossierCondition[] = [
  { id: 'C1', text: 'Publiceer enkel cellen met minstens 10 respondenten.', category: 'publication', owner: 'requester', status: 'open' },
  { id: 'C2', text: 'Vernietig de gegevens uiterlijk op de einddatum.', category: 'retention', owner: 'requester', dueDate: '2027-06-30', status: 'open' },
  { id: 'C3', text: 'Dr. Jan Peeters volgt de koppeling op.', category: 'linking', owner: 'vsa', personal: true, status: 'open' }
];

function withConditions(dossier: Dossier, list: readonly DossierCondition[] = conditions): Dossier {
  return { ...dossier, decision: { ...dossier.decision!, outcome: 'approvedWithConditions' }, conditions: list };
}

describe('the conditions table of the protocol and the addendum', () => {
  it('has one row per condition in Dutch (category, who, due date), or "Geen bijzondere voorwaarden"', () => {
    expect(conditionRows(conditions)).toEqual([
      { 'voorwaarden.tekst': conditions[0].text, 'voorwaarden.categorie': 'Publicatie', 'voorwaarden.verantwoordelijke': 'Aanvrager', 'voorwaarden.termijn': '' },
      { 'voorwaarden.tekst': conditions[1].text, 'voorwaarden.categorie': 'Bewaring', 'voorwaarden.verantwoordelijke': 'Aanvrager', 'voorwaarden.termijn': '30 juni 2027' },
      { 'voorwaarden.tekst': conditions[2].text, 'voorwaarden.categorie': 'Koppeling', 'voorwaarden.verantwoordelijke': 'VSA', 'voorwaarden.termijn': '' }
    ]);
    expect(conditionRows([])).toEqual([{ 'voorwaarden.tekst': 'Geen bijzondere voorwaarden.' }]);
  });

  it('is filled only after an approval; a plain approval states there are none', () => {
    const { dossier } = buildDossier({ reference: 'VSA-2026-0800', upTo: 'awaitingSignatures' });
    expect(conditionsFormValues(dossier)).toEqual({ rows: { voorwaarden: [{ 'voorwaarden.tekst': noConditionsText.nl }] } });
    expect(conditionsFormValues(withConditions(dossier)).rows!.voorwaarden).toHaveLength(3);
    const { dossier: rejected } = buildDossier({ reference: 'VSA-2026-0801', upTo: 'rejected' });
    expect(conditionsFormValues(rejected)).toEqual({});
    const { dossier: early } = buildDossier({ reference: 'VSA-2026-0802', upTo: 'deliberation' });
    expect(conditionsFormValues(early)).toEqual({});
  });

  it('the filled addendum carries the conditions and its effective date for an approval with conditions', async () => {
    const { dossier } = buildDossier({ reference: 'VSA-2026-0803', upTo: 'awaitingSignatures' });
    const values = addendumValues(withConditions(dossier));
    expect(values.fields!['addendum.ingangsdatum']).toMatch(/^\d{2}\/\d{2}\/2026$/);
    const form = await readForm(await fillForm(await generateTemplate('addendum'), values), 'addendum.docx');
    expect(form.rows.voorwaarden.map((row) => row['voorwaarden.tekst'].value)).toEqual(conditions.map((condition) => condition.text));
    expect(form.rows.voorwaarden[1]['voorwaarden.termijn'].value).toBe('30 juni 2027');
  });
});

describe('the protocol to sign (standard procedure, step 4)', () => {
  const template = () => generateTemplate('protocol');

  it('fills the conditions table of a draft of the current catalog and keeps its values', async () => {
    const { dossier } = buildDossier({ reference: 'VSA-2026-0810', upTo: 'awaitingSignatures' });
    const draft = await fillForm(await template(), sampleValues('protocol'));
    const signed = await readForm(await protocolToSign(draft, 'protocol.docx', withConditions(dossier), template), 'p.docx');
    expect(signed.rows.voorwaarden.map((row) => row['voorwaarden.tekst'].value)).toEqual(conditions.map((condition) => condition.text));
    expect(signed.fields['project.titel'].value).toBe(sampleValues('protocol').fields['project.titel']);
  });

  it('carries a 2026.1 draft (no conditions table) onto the current template', async () => {
    const { dossier } = buildDossier({ reference: 'VSA-2026-0811', upTo: 'awaitingSignatures' });
    const current = await fillForm(await template(), sampleValues('protocol'));
    // A 2026.1 protocol: no conditions table (its controls' tags are gone).
    const old = await renameTags(current, 'voorwaarden.', 'weg.');
    expect((await readForm(old, 'old.docx')).rows.voorwaarden ?? []).toEqual([]);
    const signed = await readForm(await protocolToSign(old, 'old.docx', dossier, template), 'p.docx');
    expect(signed.rows.voorwaarden.map((row) => row['voorwaarden.tekst'].value)).toEqual(['Geen bijzondere voorwaarden.']);
    expect(signed.fields['protocol.voorwerp'].value).toBe(sampleValues('protocol').fields['protocol.voorwerp']);
    expect(signed.rows.ontvangers.length).toBe(sampleValues('protocol').rows.ontvangers.length);
  });

  it('the signature request attaches it, and the send service fills it from the dossier as stored', async () => {
    const built = buildDossier({ reference: 'VSA-2026-0812', upTo: 'awaitingSignatures' });
    const stores = new MemoryStores();
    built.events.forEach((event, index) => stores.log.push({ sequence: index + 1, event }));
    const commands = new CommandService({ dossiers: stores, events: stores, clock: () => '2026-04-01T10:00:00.000Z' });
    const dossier = (await commands.load(built.dossier.reference)).dossier!;
    const protocol = dossier.documents.filter((doc) => doc.kind === 'protocol' && doc.phase === 'draft' && !doc.superseded).pop()!;
    const draft = buildMailDraft('requestSignatures', withConditions(dossier), { context });
    expect(draft.attachments).toEqual([{ source: 'filled', formType: 'protocol', fileName: protocolFileName(dossier), baseFileName: protocol.fileName, baseVersion: protocol.version }]);
    const base = await fillForm(await template(), sampleValues('protocol'));
    const documents = { download: jest.fn(async () => base) } as unknown as DocumentLibrary;
    const sent: OutgoingMail[] = [];
    const service = new CorrespondenceService({ commands, documents, sender: { send: async (mail: OutgoingMail) => void sent.push(mail) } });
    const [attachment] = await service.resolveAttachments(draft, withConditions(dossier));
    expect(documents.download).toHaveBeenCalledWith(dossier.reference, protocol.fileName, protocol.version);
    const form = await readForm(attachment.content, attachment.name);
    expect(form.rows.voorwaarden).toHaveLength(3);
    // The requester's checks never ask for the table, and a filled one raises nothing either.
    expect(checkForm(form, { phase: 'draft', today: '2026-04-01' }).filter((finding) => finding.fieldId?.startsWith('voorwaarden'))).toEqual([]);
  });

  it('no protocol to sign before an approval', () => {
    const { dossier } = buildDossier({ reference: 'VSA-2026-0813', upTo: 'deliberation' });
    expect(buildMailDraft('requestSignatures', dossier, { context }).attachments).toEqual([]);
  });
});

describe('the decision mail of an approval with conditions', () => {
  it('names the decision in the recipient\'s language and lists each condition with who and when', () => {
    const { dossier } = buildDossier({ reference: 'VSA-2026-0820', upTo: 'awaitingSignatures' });
    const conditional = withConditions(dossier);
    expect(variantOf('decision', conditional)).toBe('approvedWithConditions');
    expect(variantOf('decision', dossier)).toBe('approved');
    const nl = buildMailDraft('decision', conditional, { context });
    expect(nl.subject).toBe('[VSA-2026-0820] Aanvraag microdata: goedgekeurd onder voorwaarden');
    expect(nl.body).toContain('heeft de Hoofdstatisticus van de VSA uw aanvraag VSA-2026-0820 (');
    expect(nl.body).toContain(') goedgekeurd onder voorwaarden.');
    expect(nl.body).toContain('- Publiceer enkel cellen met minstens 10 respondenten. (na te leven door uw instelling)');
    expect(nl.body).toContain('- Vernietig de gegevens uiterlijk op de einddatum. (na te leven door uw instelling, uiterlijk op 30 juni 2027)');
    expect(nl.body).toContain('(op te volgen door de VSA)');
    expect(nl.body).toContain('opgenomen in het protocol');
    expect(nl.body).not.toMatch(/\{\w+\}/);
    const en = buildMailDraft('decision', conditional, { context, lang: 'en' });
    expect(en.subject).toBe('[VSA-2026-0820] Microdata request: approved with conditions');
    expect(en.body).toContain('has decided on your request VSA-2026-0820 (');
    expect(en.body).toContain('): approved with conditions.');
    expect(en.body).toContain('(to be met by your institution, due 30 June 2027)');
    expect(en.body).not.toMatch(/\{\w+\}/);
  });

  it('the signature request says so too, and where the conditions are written; a plain approval says neither', () => {
    const { dossier } = buildDossier({ reference: 'VSA-2026-0821', upTo: 'awaitingSignatures' });
    const nl = buildMailDraft('requestSignatures', withConditions(dossier), { context });
    expect(nl.body).toContain('werd goedgekeurd onder voorwaarden. U mag het definitieve dossier nu finaliseren en ondertekenen:');
    expect(nl.body).toContain('De 3 voorwaarde(n) van de goedkeuring staan in het protocol in bijlage, onder "Voorwaarden".');
    expect(buildMailDraft('requestSignatures', withConditions(dossier), { context, lang: 'en' }).body).toContain('has been approved with conditions. You may now');
    const plain = buildMailDraft('requestSignatures', dossier, { context });
    expect(plain.body).toContain('werd goedgekeurd. U mag');
    expect(plain.body).not.toContain('voorwaarde');
    expect(plain.body).not.toMatch(/\{\w+\}/);
  });

  it('lines are plain: one per condition, line breaks folded', () => {
    expect(conditionLines([{ id: 'C1', text: 'Twee\nregels', category: 'other', owner: 'vsa' }], 'nl')).toEqual(['Twee regels (op te volgen door de VSA)']);
  });
});

/** Renames content-control tags (a form of an older catalog lacks the renamed controls). */
async function renameTags(docx: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const { openWordPackage } = await import('../../src/forms/docx/package');
  const { decodeUtf8, encodeUtf8 } = await import('../../src/forms/docx/xml');
  const { zipEntries } = await import('../../src/forms/docx/zip');
  const pkg = openWordPackage(docx, 'x.docx');
  const entries = new Map(pkg.entries);
  entries.set(pkg.mainPartName, encodeUtf8(decodeUtf8(pkg.entries.get(pkg.mainPartName)!).split(`w:val="${from}`).join(`w:val="${to}`)));
  return zipEntries(entries);
}
