/**
 * The publication version seen by independent tools: poppler's `pdftotext` gives every page the same
 * text before and after, `pdftoppm` renders every page to the same pixels (the signature appearances
 * included), `pdfinfo` finds no form, no metadata stream and no document information naming a person;
 * and a .docx signed in Word goes through LibreOffice into a PDF that shows the printed names and
 * capacities and holds no signature data.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runPublication } from '../../src/cli/publication';
import { convertToPdf } from '../../src/composition/nodeConversion';
import { makePublicationVersion } from '../../src/signatures/publication';
import { pdfConversionAvailable } from '../intake/support/libreoffice';
import { REQUESTER_EMAIL, REQUESTER_NATIONAL_NUMBER, signedFixture } from './publicationFixtures';
import type { SignedFixture } from './publicationFixtures';
import { signedDocx } from './publicationDocxFixtures';

/** Whether poppler-utils is installed; in CI a missing one fails (.ci/run installs it). */
function popplerAvailable(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    if (process.env.CI) throw new Error('publication: poppler-utils (pdftotext, pdftoppm) is required in CI.');
    process.stderr.write('\n[publication] OVERGESLAGEN: poppler-utils (pdftotext) is niet geïnstalleerd. (SKIPPED: poppler-utils not installed.)\n');
    return false;
  }
}

const withPoppler = popplerAvailable() ? describe : describe.skip;

withPoppler('the publication version as poppler sees it', () => {
  let dir: string;
  let fixture: SignedFixture;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vsa-publication-poppler-'));
    // Classic cross-reference tables: poppler cannot open signPdf's update of a file with object
    // streams (it reuses their object numbers; see docs/decisions/signatures.md); the pure tests cover
    // that layout.
    fixture = await signedFixture({ objectStreams: false });
    writeFileSync(join(dir, 'origineel.pdf'), fixture.countersigned);
    writeFileSync(join(dir, 'publicatie.pdf'), (await makePublicationVersion(fixture.countersigned, 'origineel.pdf')).bytes);
  }, 60000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const pdftotext = (file: string, page: number): string => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), join(dir, file), '-'], { encoding: 'utf8' });
  const pdfinfo = (file: string): string => execFileSync('pdfinfo', [join(dir, file)], { encoding: 'utf8' });

  it('gives every page the same text, signature appearances included', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(pdfinfo('origineel.pdf'))![1]);
    expect(pages).toBe(2);
    expect(Number(/Pages:\s+(\d+)/.exec(pdfinfo('publicatie.pdf'))![1])).toBe(pages);
    for (let page = 1; page <= pages; page++) expect(pdftotext('publicatie.pdf', page)).toBe(pdftotext('origineel.pdf', page));
    expect(pdftotext('publicatie.pdf', 2)).toContain('Digitaal ondertekend door Jan Peeters');
    expect(pdftotext('publicatie.pdf', 2)).toContain('Digitaal ondertekend door Els Vermeulen');
  });

  it('renders every page to the same pixels (anti-aliasing aside)', () => {
    execFileSync('pdftoppm', ['-r', '72', join(dir, 'origineel.pdf'), join(dir, 'voor')]);
    execFileSync('pdftoppm', ['-r', '72', join(dir, 'publicatie.pdf'), join(dir, 'na')]);
    const before = readdirSync(dir).filter((name) => name.startsWith('voor-')).sort();
    expect(before).toHaveLength(2);
    for (const name of before) {
      const a = readFileSync(join(dir, name));
      const b = readFileSync(join(dir, name.replace('voor-', 'na-')));
      expect(b.length).toBe(a.length);
      let differing = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
      // Edge pixels of a glyph may round differently inside a form XObject; a moved or missing
      // signature block would change thousands of bytes.
      expect({ name, differing: differing <= a.length / 2000 }).toEqual({ name, differing: true });
    }
  });

  it('has no form, no metadata stream, no document information and no signature fields for pdfinfo', () => {
    const info = pdfinfo('publicatie.pdf');
    expect(info).toMatch(/Form:\s+none/);
    expect(info).toMatch(/Metadata Stream:\s+no/);
    for (const key of ['Title:', 'Author:', 'Creator:', 'Producer:', 'Subject:', 'Keywords:']) expect(info).not.toContain(key);
    expect(pdfinfo('origineel.pdf')).toMatch(/Form:\s+AcroForm/);
  });
});

const withLibreOffice = pdfConversionAvailable('publication') && popplerAvailable() ? describe : describe.skip;

withLibreOffice('the publication version of a .docx signed in Word, converted by LibreOffice', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vsa-publication-docx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('shows the printed names and capacities and holds no signature data', async () => {
    const fixture = await signedFixture();
    const { signed } = await signedDocx(fixture.requester);
    writeFileSync(join(dir, 'protocol-ondertekend.docx'), signed);
    const out: string[] = [];
    const err: string[] = [];
    const target = join(dir, 'protocol-publicatie.pdf');
    const code = await runPublication([join(dir, 'protocol-ondertekend.docx'), target], { out: (text) => out.push(text), err: (text) => err.push(text) });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    const text = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
    expect(text).toContain('Jan Peeters');
    expect(text).toContain('wettelijk vertegenwoordiger');
    expect(text).not.toContain(REQUESTER_EMAIL);
    expect(text).not.toContain(REQUESTER_NATIONAL_NUMBER);
    const raw = readFileSync(target);
    expect(raw.includes(Buffer.from(fixture.requester.der))).toBe(false);
    const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' });
    for (const key of ['Author:', 'Creator:', 'Producer:']) expect(info).not.toContain(key);
    expect(info).toMatch(/Form:\s+none/);
  }, 180000);

  it('keeps the text and look of every page of LibreOffice\'s own PDF (embedded subset fonts) when cleaning it', async () => {
    const fixture = await signedFixture();
    const stripped = await makePublicationVersion((await signedDocx(fixture.requester)).signed, 'protocol.docx');
    const converted = await convertToPdf(stripped.bytes, stripped.fileName);
    const cleaned = await makePublicationVersion(converted, 'protocol-publicatie.pdf');
    writeFileSync(join(dir, 'lo.pdf'), converted);
    writeFileSync(join(dir, 'lo-clean.pdf'), cleaned.bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'lo.pdf')], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++) {
      const text = (file: string): string => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), join(dir, file), '-'], { encoding: 'utf8' });
      expect(text('lo-clean.pdf')).toBe(text('lo.pdf'));
    }
    execFileSync('pdftoppm', ['-r', '72', join(dir, 'lo.pdf'), join(dir, 'lo')]);
    execFileSync('pdftoppm', ['-r', '72', join(dir, 'lo-clean.pdf'), join(dir, 'clean')]);
    for (const name of readdirSync(dir).filter((file) => /^lo-\d+\.ppm$/.test(file))) {
      const a = readFileSync(join(dir, name));
      const b = readFileSync(join(dir, name.replace('lo-', 'clean-')));
      let differing = 0;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
      expect({ name, differing: b.length === a.length && differing <= a.length / 2000 }).toEqual({ name, differing: true });
    }
    const info = execFileSync('pdfinfo', [join(dir, 'lo-clean.pdf')], { encoding: 'utf8' });
    for (const key of ['Author:', 'Creator:', 'Producer:', 'Title:']) expect(info).not.toContain(key);
    expect(execFileSync('pdfinfo', [join(dir, 'lo.pdf')], { encoding: 'utf8' })).toContain('Producer:');
  }, 180000);
});
