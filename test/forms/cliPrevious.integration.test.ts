import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/vsa-forms';
import type { DossierFinding } from '../../src/domain/findings';
import { annotate, annotateFindings, fillForm, generateTemplate, readAnnotations, sampleValues, withFields } from '../../src/forms';

/**
 * Issue 14: `vsa-forms check <new.docx> --annotate <outdir> --previous <earlier-annotated.docx>`. The
 * new version is annotated with the reviewer comments of the earlier copy whose field did not change
 * and with its own (recomputed) automatic findings, each once; the report says per comment whether its
 * field changed ("gewijzigd") or not ("niet verwerkt").
 */

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vsa-forms-previous-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), today: '2026-11-25' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const AT = '2026-11-26T09:00:00Z';
const remark = (id: string, fieldId: string, text: string): DossierFinding => ({
  id, documentKind: 'aanvraagformulier', fieldId, origin: 'reviewer', text, author: { id: 'els@vsa.example', displayName: 'Els Evaluator' }, audience: 'requester',
  severity: 'warning', firstSeenVersion: '1', lastSeenVersion: '1', status: 'open', createdAt: AT, history: [], revision: 1
});

interface JsonResult {
  findings: { checkId: string; fieldId: string }[];
  previous?: { file: string; comments: { findingId: string; fieldId?: string; text: string; status: string; changed: boolean; label: string }[] };
}

/** Version 1 (bad e-mail), checked and annotated by the CLI, then commented by a reviewer (new and older style). */
async function reviewedVersionOne(): Promise<string> {
  const v1 = await fillForm(await generateTemplate('aanvraagformulier'), withFields(sampleValues('aanvraagformulier'), { 'contact.email': 'geen-adres' }));
  writeFileSync(join(dir, 'aanvraag-v1.docx'), v1);
  const first = await run(['check', join(dir, 'aanvraag-v1.docx'), '--annotate', join(dir, 'out1')]);
  expect(first.code).toBe(1);
  const cliCopy = new Uint8Array(readFileSync(join(dir, 'out1', 'aanvraag-v1.reviewed.docx')));
  const withRemarks = await annotateFindings(cliCopy, [remark('r-titel', 'project.titel', 'Titel graag inkorten.'), remark('r-doel', 'project.doeleinden', 'Doeleinden concreter beschrijven.')], { date: AT });
  // A comment typed by a person in Word (no id), twice by mistake, on an unchanged field.
  const typed = await annotate(withRemarks, [], [{ fieldId: 'project.rechtsgrond', text: 'Welk artikel?' }, { fieldId: 'project.rechtsgrond', text: 'Welk artikel?' }], 'Els Evaluator', AT);
  const path = join(dir, 'aanvraag-v1.opmerkingen.docx');
  writeFileSync(path, typed);
  return path;
}

async function versionTwo(): Promise<string> {
  const values = withFields(sampleValues('aanvraagformulier'), { 'project.titel': 'Een kortere titel', 'aanvrager.kbo': '0123.456.789' });
  const path = join(dir, 'aanvraag-v2.docx');
  writeFileSync(path, await fillForm(await generateTemplate('aanvraagformulier'), values));
  return path;
}

describe('vsa-forms check --previous', () => {
  it('carries the comments on unchanged fields into the new annotated copy, each once, with the new automatic findings', async () => {
    const previous = await reviewedVersionOne();
    const v2 = await versionTwo();
    const result = await run(['check', v2, '--annotate', join(dir, 'out2'), '--previous', previous, '--json']);
    expect(result.code).toBe(1);
    const [parsed] = JSON.parse(result.out) as JsonResult[];
    expect(parsed.findings.map((f) => f.fieldId)).toEqual(['aanvrager.kbo']);
    expect(parsed.previous!.comments.map((c) => [c.fieldId, c.text, c.status, c.changed, c.label])).toEqual([
      ['project.titel', 'Titel graag inkorten.', 'addressed', true, 'gewijzigd'],
      ['project.doeleinden', 'Doeleinden concreter beschrijven.', 'open', false, 'niet verwerkt'],
      ['project.rechtsgrond', 'Welk artikel?', 'open', false, 'niet verwerkt']
    ]);
    const annotated = await readAnnotations(new Uint8Array(readFileSync(join(dir, 'out2', 'aanvraag-v2.reviewed.docx'))), 'v2.docx');
    expect(annotated.map((a) => [a.fieldId, a.text.replace(/^Blokkerend: .*/, 'Blokkerend'), a.author])).toEqual([
      ['aanvrager.kbo', 'Blokkerend', 'Statistiek Vlaanderen (VSA)'],
      ['project.doeleinden', 'Doeleinden concreter beschrijven.', 'Els Evaluator'],
      ['project.rechtsgrond', 'Welk artikel?', 'Els Evaluator']
    ]);
    expect(annotated.map((a) => a.findingId)).toEqual([expect.stringMatching(/^check:aanvraagformulier:enterpriseNumber:aanvrager\.kbo/), 'r-doel', expect.stringMatching(/^remark:project\.rechtsgrond:/)]);

    // A third round on the second annotated copy: the same ids, still each once.
    const again = await run(['check', v2, '--annotate', join(dir, 'out3'), '--previous', join(dir, 'out2', 'aanvraag-v2.reviewed.docx'), '--json']);
    const [third] = JSON.parse(again.out) as JsonResult[];
    expect(third.previous!.comments.map((c) => [c.findingId, c.status])).toEqual([
      ['r-doel', 'open'],
      [annotated[2].findingId, 'open']
    ]);
    const thirdCopy = await readAnnotations(new Uint8Array(readFileSync(join(dir, 'out3', 'aanvraag-v2.reviewed.docx'))), 'v2.docx');
    expect(thirdCopy.map((a) => a.findingId)).toEqual(annotated.map((a) => a.findingId));
  });

  it('says per comment in the text report whether its field changed', async () => {
    const previous = await reviewedVersionOne();
    const result = await run(['check', await versionTwo(), '--previous', previous]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('Opmerkingen uit de vorige versie (aanvraag-v1.opmerkingen.docx): 1 van 3 gewijzigd');
    expect(result.out).toMatch(/GEWIJZIGD\s+project\.titel\s+Titel graag inkorten\./);
    expect(result.out).toMatch(/NIET VERWERKT\s+project\.doeleinden\s+Doeleinden concreter beschrijven\./);
    const english = await run(['check', await versionTwo(), '--previous', previous, '--lang', 'en']);
    expect(english.out).toMatch(/NOT ADDRESSED\s+project\.rechtsgrond/);
  });

  it('reads an older annotated copy: its automatic comments are recomputed, its remarks carried', async () => {
    const v1 = await fillForm(await generateTemplate('aanvraagformulier'), withFields(sampleValues('aanvraagformulier'), { 'contact.email': 'geen-adres' }));
    const older = await annotate(v1, [], [{ fieldId: 'contact.email', text: 'Blokkerend: "E-mailadres" is geen geldig e-mailadres.' }, { fieldId: 'project.doeleinden', text: 'Graag verduidelijken. [VSA]' }, { fieldId: 'contact.naam', text: 'Vul dit in. [VSA required:contact.naam#0]' }], 'VSA vsa-forms', AT);
    writeFileSync(join(dir, 'oud.docx'), older);
    const result = await run(['check', await versionTwo(), '--previous', join(dir, 'oud.docx'), '--json']);
    const [parsed] = JSON.parse(result.out) as JsonResult[];
    expect(parsed.previous!.comments.map((c) => [c.fieldId, c.text, c.status])).toEqual([['project.doeleinden', 'Graag verduidelijken.', 'open']]);
  });

  it('exits 2 with a clear message when --previous cannot be read', async () => {
    const v2 = await versionTwo();
    const missing = await run(['check', v2, '--annotate', join(dir, 'out'), '--previous', join(dir, 'weg.docx')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('FOUT --previous weg.docx: bestand niet gevonden');
    writeFileSync(join(dir, 'leeg.docx'), new Uint8Array(0));
    const empty = await run(['check', v2, '--previous', join(dir, 'leeg.docx')]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('leeg.docx: het bestand is leeg');
    const usage = await run(['check', v2, '--previous']);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--previous verwacht een waarde');
  });
});
