import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/vsa-forms';
import { fillForm, generateTemplate, sampleValues } from '../../src/forms';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'vsa-forms.js');
const DDI_FIXTURE = join(ROOT, 'test', 'fixtures', 'codebooks', 'sv-bevraging-2023.xml');

let dir: string;
let form: string;
/** Requests only waves the DDI fixture covers: an unknown variable is blocking. */
let formCovered: string;

async function writeForm(fileName: string, surveys: string): Promise<string> {
  const values = sampleValues('aanvraagformulier');
  const filled = await fillForm(await generateTemplate('aanvraagformulier'), {
    fields: { ...values.fields, 'gegevens.bevragingen': surveys },
    rows: {
      ...values.rows,
      variabelen: ['leeftijd', 'inkomen_huishoudn', 'gezondheid_ervaren'].map((name) => ({ 'variabelen.naam': name, 'variabelen.motivering': 'Nodig voor de onderzoeksvraag.' }))
    }
  });
  const path = join(dir, fileName);
  writeFileSync(path, filled);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vsa-forms-codebook-'));
  form = await writeForm('aanvraag.docx', 'SV-bevraging 2023-1; SCV-survey 2015');
  formCovered = await writeForm('aanvraag-sv.docx', 'SV-bevraging 2023-1');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), today: '2026-11-25' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface JsonFinding {
  checkId: string;
  severity: string;
  params: Record<string, string>;
  suggestions?: string[];
}

describe('vsa-forms check --codebook', () => {
  it('checks the variables against a DDI codebook; the JSON gives the suggestions on the finding that has them', async () => {
    const result = await run(['check', formCovered, '--codebook', DDI_FIXTURE, '--json']);
    expect(result.code).toBe(1);
    const [report] = JSON.parse(result.out) as Array<{ findings: JsonFinding[] }>;
    const codebook = report.findings.filter((finding) => finding.checkId === 'codebook');
    expect(codebook.map((finding) => [finding.severity, finding.params.value ?? finding.params.wave])).toEqual([
      ['blocking', 'inkomen_huishoudn'],
      ['warning', 'gezondheid_ervaren']
    ]);
    expect(codebook[0].suggestions?.[0]).toBe('inkomen_huishouden');
    // Present only when there is something to apply: every other finding has no suggestions key.
    expect(report.findings.filter((finding) => 'suggestions' in finding)).toHaveLength(1);
  });

  it('a requested wave without a codebook makes an unknown variable a warning (it may be in that wave), and says which wave has none', async () => {
    const result = await run(['check', form, '--codebook', DDI_FIXTURE, '--json']);
    expect(result.code).toBe(0);
    const [report] = JSON.parse(result.out) as Array<{ findings: JsonFinding[] }>;
    const codebook = report.findings.filter((finding) => finding.checkId === 'codebook');
    expect(codebook.map((finding) => [finding.severity, finding.params.value ?? finding.params.wave])).toEqual([
      ['warning', 'inkomen_huishoudn'],
      ['warning', 'gezondheid_ervaren'],
      ['info', 'SCV-survey 2015']
    ]);
    expect(codebook[0].suggestions?.[0]).toBe('inkomen_huishouden');
  });

  it('takes --codebook before the forms, repeated, DDI and CSV together, and lists the codebooks in the text report', async () => {
    const csv = join(dir, 'scv.csv');
    writeFileSync(csv, 'name;label;wave;sensitive\ninkomen_huishoudn;Per ongeluk zo genoemd;SCV-survey 2015;nee\n');
    const result = await run(['check', '--codebook', DDI_FIXTURE, '--codebook', csv, form]);
    expect(result.out).toContain('Codeboeken: SV-bevraging 2023-1 (6 variabelen), SV-bevraging 2023-2 (6 variabelen), SCV-survey 2015 (1 variabelen)');
    // Found in the SCV-survey 2015 codebook: no longer blocking; gezondheid_ervaren still a warning.
    expect(result.out).not.toContain('Bedoelt u');
    expect(result.out).toContain('WAARSCHUWING');
    expect(result.out).toContain('(Ervaren gezondheid)');
  });

  it('names the wave of a CSV without wave column with --codebook-wave', async () => {
    const csv = join(dir, 'zonder-golf.csv');
    writeFileSync(csv, 'name,label\nleeftijd,Leeftijd\ninkomen_huishouden,Inkomen\n');
    const result = await run(['check', form, '--codebook-wave', 'SV-bevraging 2023-1', '--codebook', csv, '--lang', 'en']);
    expect(result.out).toContain('Codebooks: SV-bevraging 2023-1 (2 variables)');
    expect(result.out).toContain('Did you mean: inkomen_huishouden?');
    expect(result.out).toContain('No codebook is available for SCV-survey 2015');
  });

  it('refuses a bad codebook with a clear message on stderr and exit 2, checking no form', async () => {
    const csv = join(dir, 'formule.csv');
    writeFileSync(csv, 'name,label,wave\nleeftijd,=HYPERLINK("http://example.invalid"),SV-bevraging 2023-1\n');
    const result = await run(['check', form, '--codebook', csv, '--json']);
    expect(result.code).toBe(2);
    expect(result.err).toBe('FOUT formule.csv: regel 2, kolom label: de cel begint met "=" (een formule in een rekenblad); het bestand wordt geweigerd');
    expect(result.out).toBe('');
    const missing = await run(['check', form, '--codebook', join(dir, 'bestaat-niet.xml'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('ERROR bestaat-niet.xml: file not found');
    const noValue = await run(['check', form, '--codebook']);
    expect(noValue.code).toBe(2);
    expect(noValue.err).toContain('--codebook verwacht een waarde');
  });

  it('works from the compiled bin as npx runs it', () => {
    const result = spawnSync(process.execPath, [BIN, 'check', formCovered, '--codebook', DDI_FIXTURE, '--today', '2026-11-25'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Bedoelt u: inkomen_huishouden');
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><codeBook/>');
    const refused = spawnSync(process.execPath, [BIN, 'check', form, '--codebook', bad], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('bad.xml: het bestand bevat een DOCTYPE of entiteitsdeclaratie');
  });
});
