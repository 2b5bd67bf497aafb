import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createDemoPki, type DemoPki } from '../../src/local/pki/demoPki';
import { appendPageContent, signPdf } from '../../src/local/pki/signPdf';
import { main } from '../../src/cli/vsa-forms';
import { defaultTrustDir } from '../../src/cli/signatures';
import { makePdf } from '../signatures/pdfFixtures';

const now = new Date('2026-06-01T10:00:00Z');
let pki: DemoPki;
let dir: string;
let trustDir: string;
let emptyTrustDir: string;
let valid: string;
let countersigned: string;
let modified: string;
let unsigned: string;

beforeAll(async () => {
  pki = await createDemoPki(now);
  dir = mkdtempSync(join(tmpdir(), 'vsa-signatures-'));
  trustDir = join(dir, 'trust');
  emptyTrustDir = join(dir, 'empty');
  mkdirSync(trustDir);
  mkdirSync(emptyTrustDir);
  writeFileSync(join(trustDir, 'demo-root.pem'), pki.root.pem);
  const an = await pki.person('Anneleen', 'Van den Broeck', { nationalNumber: '85073100145' });
  const chief = await pki.person('Hoofd', 'Statisticus');
  const signingTime = new Date('2026-05-20T09:30:00Z');
  const signed = await signPdf(await makePdf(), { signer: an, chain: [pki.intermediate], signingTime, name: 'Koning Filip' });
  const write = (name: string, bytes: Uint8Array): string => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  valid = write('ondertekend.pdf', signed);
  countersigned = write('medeondertekend.pdf', await signPdf(signed, { signer: chief, chain: [pki.intermediate], signingTime, subFilter: 'ETSI.CAdES.detached' }));
  modified = write('gewijzigd.pdf', await appendPageContent(signed, 0, 'extra'));
  unsigned = write('niet-ondertekend.pdf', await makePdf());
});

async function run(args: string[], trust = trustDir): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['signatures', ...args], { out: (text) => out.push(text), err: (text) => err.push(text), now: now.toISOString(), trustDir: trust });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('vsa-forms signatures', () => {
  it('reports a validly signed file in Dutch and exits 0', async () => {
    const { code, out, err } = await run([valid]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('ondertekend.pdf: 1 handtekening(en), 2 versie(s) van het bestand');
    expect(out).toContain('1. Anneleen Van den Broeck — GELDIG');
    expect(out).toContain('Gekwalificeerd: ja (QcCompliance, QSCD)');
    expect(out).toContain('Keten: vertrouwd (Anneleen Van den Broeck (Signature) → Demo Citizen CA (geen echte CA) → Demo eID Root CA (geen echte CA))');
    expect(out).toContain('Tijdstip: 2026-05-20 09:30 UTC (opgegeven door de ondertekenaar)');
    expect(out).toContain('WAARSCHUWING: Intrekking niet gecontroleerd');
    expect(out).toContain('Resultaat: geldig ondertekend.');
    expect(out).not.toContain('85073100145');
    expect(out).not.toContain('Koning Filip');
  });

  it('reports both signatures of a countersigned file, in English on request', async () => {
    const { code, out } = await run([countersigned, '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toContain('1. Anneleen Van den Broeck — VALID');
    expect(out).toContain('Later version 3: signature');
    expect(out).toContain('2. Hoofd Statisticus — VALID');
  });

  it('exits 1 for a modified, an unsigned or an untrusted file, 2 for an unreadable one', async () => {
    const changed = await run([valid, modified]);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain('Latere versie 3: pagina-inhoud');
    expect(changed.out).toContain('BLOKKEREND: Het document is na deze handtekening gewijzigd (versie 3 van het bestand: pagina-inhoud).');
    expect((await run([unsigned])).out).toContain('Geen handtekeningen.');
    expect((await run([unsigned])).code).toBe(1);
    const untrusted = await run([valid], emptyTrustDir);
    expect(untrusted.code).toBe(1);
    expect(untrusted.err).toContain('geen vertrouwde basiscertificaten');
    const notPdf = join(dir, 'brief.txt');
    writeFileSync(notPdf, 'geen pdf');
    const unreadable = await run([valid, notPdf]);
    expect(unreadable.code).toBe(2);
    expect(unreadable.out).toContain('brief.txt: ONLEESBAAR — Geen PDF- of Word-bestand (.docx).');
    expect((await run([join(dir, 'bestaat-niet.pdf')])).code).toBe(2);
  });

  it('adds --trust anchors, judges at --at, and prints JSON reports', async () => {
    const pem = join(dir, 'extra.pem');
    writeFileSync(pem, pki.root.pem);
    const { code, out } = await run([valid, '--trust', pem, '--at', '2026-05-30', '--json'], emptyTrustDir);
    expect(code).toBe(0);
    const reports = JSON.parse(out);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ readable: true, verifiedAt: '2026-05-30T12:00:00.000Z', signatures: [{ status: 'valid' }] });
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([valid, '--at', 'morgen'])).code).toBe(2);
    expect((await run([valid, '--trust', valid])).code).toBe(2);
  });

  it('reads the default anchors from config/trust', () => {
    expect(defaultTrustDir().replace(/\\/g, '/')).toMatch(/config\/trust$/);
  });
});
