/** `npx vsa-forms signatures` as a user runs it: the compiled bundle (PKI.js and the PDF reader inside), spawned. */
import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createDemoPki } from '../../src/local/pki/demoPki';
import { signPdf } from '../../src/local/pki/signPdf';
import { makePdf } from '../signatures/pdfFixtures';

const BIN = join(__dirname, '..', '..', 'bin', 'vsa-forms.js');

describe('bin/vsa-forms.js signatures (spawned)', () => {
  it('verifies a signed PDF against a --trust root, and finds no path from a demo signature to the shipped Belgian roots', async () => {
    const pki = await createDemoPki();
    const dir = mkdtempSync(join(tmpdir(), 'vsa-signatures-bin-'));
    const pdf = join(dir, 'ondertekend.pdf');
    writeFileSync(pdf, await signPdf(await makePdf(), { signer: await pki.person('An', 'Peeters'), chain: [pki.intermediate] }));
    const root = join(dir, 'demo-root.pem');
    writeFileSync(root, pki.root.pem);
    const trusted = spawnSync(process.execPath, [BIN, 'signatures', pdf, '--trust', root], { encoding: 'utf8' });
    expect(trusted.stderr).toBe('');
    expect(trusted.status).toBe(0);
    expect(trusted.stdout).toContain('1. An Peeters — GELDIG');
    const shipped = spawnSync(process.execPath, [BIN, 'signatures', pdf, '--json'], { encoding: 'utf8' });
    expect(shipped.status).toBe(1);
    expect(JSON.parse(shipped.stdout)[0].signatures[0]).toMatchObject({ chain: 'incomplete', status: 'indeterminate' });
  });
});
