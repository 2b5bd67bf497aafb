import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/vsa-forms';
import { readForm } from '../../src/forms';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'vsa-forms.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'forms');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vsa-forms-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t), today: '2026-11-25' });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bin/vsa-forms.js (spawned, as npx runs it)', () => {
  it('writes all templates and checks them: exit 1 for blocking findings', () => {
    const template = spawnSync(process.execPath, [BIN, 'template', 'all', dir], { encoding: 'utf8' });
    expect(template.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['aanvraagformulier.docx', 'addendum.docx', 'protocol.docx', 'vereenvoudigdAanvraagformulier.docx', 'verklaringTOM.docx']);
    const check = spawnSync(process.execPath, [BIN, 'check', join(dir, 'addendum.docx'), '--today', '2026-11-25'], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('BLOKKEREND');
    expect(check.stdout).toContain('"Nummer van het bestaande protocol" is niet ingevuld.');
  });

  it('exits 0 for a valid form and 2 for an unreadable one, naming the file and reason', () => {
    const ok = spawnSync(process.execPath, [BIN, 'check', join(FIXTURES, 'valid-protocol.docx'), '--today', '2026-11-25'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    writeFileSync(join(dir, 'oud.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x57, 0, 0x6f, 0, 0x72, 0, 0x64, 0, 0x44, 0, 0x6f, 0, 0x63, 0, 0x75, 0, 0x6d, 0, 0x65, 0, 0x6e, 0, 0x74, 0]));
    const bad = spawnSync(process.execPath, [BIN, 'check', join(dir, 'oud.doc')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('oud.doc: dit is een oud Word-document (.doc)');
  });
});

describe('vsa-forms check (in process)', () => {
  it('prints JSON with findings per file', async () => {
    const result = await run(['check', join(FIXTURES, 'enterprise-number-checksum.docx'), join(FIXTURES, 'valid-addendum.docx'), '--json']);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.out) as Array<{ formType: string; findings: Array<{ checkId: string; fieldId: string }> }>;
    expect(parsed.map((r) => r.formType)).toEqual(['aanvraagformulier', 'addendum']);
    expect(parsed[0].findings.map((f) => [f.checkId, f.fieldId])).toEqual([['enterpriseNumber', 'aanvrager.kbo']]);
    expect(parsed[1].findings).toEqual([]);
  });

  it('reports in English with --lang en', async () => {
    const result = await run(['check', join(FIXTURES, 'email-and-phone-syntax.docx'), '--lang', 'en']);
    expect(result.out).toContain('BLOCKING');
    expect(result.out).toContain('is not a valid e-mail address');
    expect(result.out).toContain('Result: 1 blocking, 1 warning(s), 0 info');
  });

  it('writes <name>.reviewed.docx with --annotate, with the comments on the fields', async () => {
    const result = await run(['check', join(FIXTURES, 'missing-required.docx'), '--annotate', dir]);
    expect(result.code).toBe(1);
    const reviewed = join(dir, 'missing-required.reviewed.docx');
    const form = await readForm(new Uint8Array(readFileSync(reviewed)), 'missing-required.reviewed.docx');
    expect(form.comments.map((c) => c.fieldId)).toEqual(['contact.email', 'project.rechtsgrond']);
  });

  it('exits 2 and writes nothing when a file cannot be read, but still reports the others', async () => {
    writeFileSync(join(dir, 'leeg.docx'), new Uint8Array(0));
    const outdir = join(dir, 'out');
    const result = await run(['check', join(dir, 'leeg.docx'), join(FIXTURES, 'valid-protocol.docx'), '--annotate', outdir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('leeg.docx: het bestand is leeg');
    expect(result.out).toContain('valid-protocol.docx');
    expect(existsSync(join(outdir, 'leeg.reviewed.docx'))).toBe(false);
  });

  it('runs the dossier checks across files with --dossier and --known-protocols', async () => {
    const result = await run(['check', join(FIXTURES, 'valid-vereenvoudigd.docx'), join(FIXTURES, 'valid-addendum.docx'), '--dossier', '--known-protocols', 'PROT-2020-001', '--json']);
    const parsed = JSON.parse(result.out) as Array<{ findings: Array<{ checkId: string }> }>;
    expect(parsed.map((r) => r.findings.map((f) => f.checkId))).toEqual([['dossierKnownProtocol'], ['dossierKnownProtocol']]);
    expect(result.code).toBe(1);
  });

  it('checks the signed phase', async () => {
    const result = await run(['check', join(FIXTURES, 'valid-verklaringTOM.docx'), '--phase', 'signed']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('"Naam ondertekenaar" is niet ingevuld.');
  });

  it.each([[['check']], [['check', 'x.docx', '--phase', 'final']], [['template', 'onbekend', 'out']], [['frobnicate']], [['check', 'x.docx', '--lang']]])('rejects bad usage %j with exit 2', async (args) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.err).toContain('vsa-forms template');
  });
});
