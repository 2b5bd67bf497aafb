import { spawnSync } from 'child_process';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fillForm, generateTemplate, sampleValues } from '../../../src/forms';
import { createDemoPki } from '../../../src/local/pki/demoPki';
import { signDocx } from '../../../src/local/pki/signDocx';
import { verifyDocxSignatures } from '../../../src/signatures/docx';
import { resaveWithLibreOffice } from '../../fixtures/forms/generate';

const available = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!available && !process.env.CI) {
  process.stderr.write('NOTICE test/signatures/docx/libreoffice.integration.test.ts skipped: soffice is not on PATH (CI must have it)\n');
}

describe('a .docx written by LibreOffice, signed as Word signs it', () => {
  (available || process.env.CI ? it : it.skip)(
    'verifies, and fails once word/document.xml changes',
    async () => {
      const now = new Date('2026-06-01T10:00:00Z');
      const pki = await createDemoPki(now);
      const signer = await pki.person('Anneleen', 'Van den Broeck');
      const filled = await fillForm(await generateTemplate('aanvraagformulier'), sampleValues('aanvraagformulier', { signed: true }));
      const resaved = resaveWithLibreOffice(filled, 'signatures-lo');
      // LibreOffice writes its own package (theme, fontTable, webSettings, docProps): all of it is signed or exempt.
      expect(Object.keys(unzipSync(resaved))).toEqual(expect.arrayContaining(['word/document.xml', 'word/fontTable.xml', 'docProps/app.xml']));
      const signed = await signDocx(resaved, { signer, chain: [pki.intermediate], signingTime: new Date('2026-05-20T09:30:00Z') });
      const options = { trustAnchors: [pki.root.der], now: now.toISOString() };
      const report = await verifyDocxSignatures(signed, 'lo.docx', options);
      expect(report.signatures).toHaveLength(1);
      expect(report.signatures[0]).toMatchObject({ integrity: 'ok', cryptographic: 'ok', chain: 'trusted', modifiedAfterSigning: false, status: 'valid' });

      const files = unzipSync(signed);
      files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace('</w:body>', '<w:p/></w:body>'));
      const changed = await verifyDocxSignatures(zipSync(files), 'lo.docx', options);
      expect(changed.signatures[0]).toMatchObject({ integrity: 'failed', status: 'invalid' });
    },
    60_000
  );
});
