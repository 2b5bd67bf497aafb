import { readFileSync } from 'fs';
import { join } from 'path';
import { checkForm, readForm } from '../../src/forms';
import type { Finding } from '../../src/forms';
import { caseExtension } from '../fixtures/forms/build';
import { CORPUS, CORPUS_TODAY } from '../fixtures/forms/cases';

const FIXTURES = join(__dirname, '..', 'fixtures', 'forms');

function summary(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.checkId}|${f.fieldId ?? '-'}|${f.severity}`).sort();
}

describe('fixture corpus: each committed form gives exactly its planted findings', () => {
  it('has at least 25 cases covering both reading paths and LibreOffice re-saves', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
    expect(CORPUS.some((c) => c.source === 'typedTable')).toBe(true);
    expect(CORPUS.some((c) => c.source === 'typedParagraphs')).toBe(true);
    expect(CORPUS.filter((c) => c.libreOffice).length).toBeGreaterThanOrEqual(3);
  });

  it.each(CORPUS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, `${c.name}${caseExtension(c)}`)));
    const form = await readForm(bytes, `${c.name}${caseExtension(c)}`);
    expect(form.formType).toBe(c.formType);
    const findings = checkForm(form, { phase: 'draft', today: CORPUS_TODAY, ...c.context });
    expect(summary(findings)).toEqual(c.expected.map(([checkId, fieldId, severity]) => `${checkId}|${fieldId}|${severity}`).sort());
    for (const finding of findings) {
      expect(finding.message.nl.length).toBeGreaterThan(0);
      expect(finding.message.en.length).toBeGreaterThan(0);
      if (finding.fieldId && finding.checkId !== 'required') expect(finding.anchor.kind).not.toBe('document');
    }
  });

  it('reads every field of the typed-over and stripped documents by label', async () => {
    for (const name of ['typed-over-table.docx', 'typed-over-paragraphs.docx', 'stripped-controls-label-table.docx']) {
      const form = await readForm(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
      const vias = new Set(Object.values(form.fields).map((field) => field.readVia));
      expect(vias.has('contentControl')).toBe(false);
      expect(Object.keys(form.fields).length).toBeGreaterThan(10);
    }
    const paragraphs = await readForm(new Uint8Array(readFileSync(join(FIXTURES, 'typed-over-paragraphs.docx'))), 'p.docx');
    expect(paragraphs.fields['tom.versleuteling'].readVia).toBe('paragraphLabel');
    expect(paragraphs.fields['tom.versleuteling'].value).toBe('Versleutelde opslag (AES-256) en versleuteld transport.');
  });

  it('reads the LibreOffice re-saved form, including a two-paragraph value', async () => {
    const form = await readForm(new Uint8Array(readFileSync(join(FIXTURES, 'libreoffice-resaved-aanvraag.docx'))), 'lo.docx');
    expect(form.catalogVersion).toBe('2026.1');
    expect(form.fields['project.doeleinden'].value).toBe('Eerste doel.\nTweede doel.');
    expect(form.fields['aanvrager.kbo'].value).toBe('0765.432.146');
    expect(form.rows.variabelen).toHaveLength(3);
  });

  it('reads the accepted text of tracked changes over split runs', async () => {
    const form = await readForm(new Uint8Array(readFileSync(join(FIXTURES, 'tracked-changes-and-split-runs.docx'))), 't.docx');
    expect(form.fields['aanvrager.kbo'].value).toBe('0765.432.146');
  });

  it('reads existing comments with the field they sit on', async () => {
    const form = await readForm(new Uint8Array(readFileSync(join(FIXTURES, 'existing-reviewer-comments.docx'))), 'c.docx');
    expect(form.comments.map((c) => [c.fieldId, c.author, c.text])).toEqual([
      ['project.titel', 'DPO-team VSA', 'Is dit de definitieve titel?'],
      [undefined, 'DPO-team VSA', 'Algemene opmerking van het DPO-team.']
    ]);
  });
});
