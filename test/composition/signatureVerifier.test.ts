import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeSignatureVerifier, readTrustAnchors } from '../../src/composition/signatureVerifier';
import { fileReport } from '../support/signatureReports';

const shipped = join(__dirname, '..', '..', 'config', 'trust');

describe('trust anchors of the Node hosts', () => {
  it('reads every certificate of the shipped config/trust/*.pem (the Belgian eID roots) as DER', async () => {
    const anchors = await readTrustAnchors(shipped);
    expect(anchors.length).toBeGreaterThanOrEqual(3);
    // DER: a SEQUENCE.
    expect(anchors.every((der) => der[0] === 0x30)).toBe(true);
  });

  it('refuses a folder without any certificate (every signature would silently count as untrusted)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'trust-'));
    try {
      writeFileSync(join(folder, 'notes.pem'), 'no certificate here\n');
      await expect(readTrustAnchors(folder)).rejects.toThrow(/No trust anchor/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('gives the verifier function the anchors of the folder and the clock', async () => {
    const seen: { anchors: number; now: string }[] = [];
    const verifier = nodeSignatureVerifier(
      async (_bytes, fileName, options) => {
        seen.push({ anchors: options.trustAnchors.length, now: options.now });
        return fileReport(fileName, []);
      },
      { trustFolder: shipped, clock: () => '2026-02-02T10:00:00.000Z' }
    );
    await verifier.verify(new Uint8Array([1]), 'a.pdf');
    expect(seen).toEqual([{ anchors: (await readTrustAnchors(shipped)).length, now: '2026-02-02T10:00:00.000Z' }]);
  });
});

describe('intermediates of the Node hosts (config/trust/intermediates)', () => {
  it('reads config/trust/intermediates/*.pem when present, and none without the folder', async () => {
    const { createDemoPki } = await import('../../src/local/pki/demoPki');
    const { readTrustMaterial } = await import('../../src/composition/signatureVerifier');
    const pki = await createDemoPki(new Date('2026-06-01T10:00:00Z'));
    const folder = mkdtempSync(join(tmpdir(), 'trust-'));
    try {
      writeFileSync(join(folder, 'root.pem'), pki.root.pem);
      expect((await readTrustMaterial(folder)).intermediates).toEqual([]);
      const { mkdirSync } = await import('node:fs');
      mkdirSync(join(folder, 'intermediates'));
      writeFileSync(join(folder, 'intermediates', 'citizen-ca.pem'), pki.intermediate.pem);
      const material = await readTrustMaterial(folder);
      expect(material.trustAnchors).toHaveLength(1);
      expect(material.intermediates).toEqual([pki.intermediate.der]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
