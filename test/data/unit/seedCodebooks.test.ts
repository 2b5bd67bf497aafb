import { TextDecoder, TextEncoder } from 'node:util';
import { variables } from '../../../src/local/seed/catalog';
import { demoCodebookFiles, demoFormVariablesInCodebooks, seedCodebooks } from '../../../src/local/seed/codebooks';
import { codebookIndex, parseCodebookCsv, parseDdiCodebook } from '../../../src/forms/codebook';

Object.assign(globalThis, { TextDecoder, TextEncoder });

const textOf = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('the demo codebooks of the seed', () => {
  const files = demoCodebookFiles();

  it('hold a few hundred variables per wave, unique names, some of them sensitive', () => {
    expect(files.flatMap((file) => file.waves)).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2', 'COVID-19-bevraging golf 3', 'SCV-survey 2015']);
    const csv = textOf(files[0].bytes).trim().split('\r\n');
    expect(csv[0]).toBe('name;label;wave;sensitive');
    for (const wave of ['SV-bevraging 2023-1', 'SV-bevraging 2023-2']) {
      const rows = csv.slice(1).map((line) => line.split(';')).filter((cells) => cells[2] === wave);
      expect(rows.length).toBeGreaterThanOrEqual(200);
      expect(new Set(rows.map((cells) => cells[0])).size).toBe(rows.length);
      expect(rows.filter((cells) => cells[3] === 'ja').map((cells) => cells[0])).toEqual(expect.arrayContaining(['religie', 'geboorteland', 'subjectieve_gezondheid']));
    }
    // No cell a spreadsheet would run as a formula (the reader refuses those).
    expect(csv.some((line) => line.split(';').some((cell) => /^\s*[=+\-@]/.test(cell)))).toBe(false);
    for (const file of files.slice(1)) {
      const text = textOf(file.bytes);
      const names = [...text.matchAll(/<var ID="V\d+" name="([^"]+)"/g)].map((match) => match[1]);
      expect(names.length).toBeGreaterThanOrEqual(180);
      expect(new Set(names).size).toBe(names.length);
      expect(text).toContain(`<IDNo>${file.waves[0]}</IDNo>`);
      expect(text).toContain('<notes type="VSA:sensitive">ja</notes>');
      expect(text).not.toMatch(/<!DOCTYPE/);
    }
  });

  it('know every variable the demo forms request, except the one misspelt on purpose', () => {
    expect(variables.map((variable) => variable.name).filter((name) => !demoFormVariablesInCodebooks().includes(name))).toEqual(['inkomen_huishoudn']);
    expect(textOf(files[0].bytes)).toContain('\r\ninkomen_huishouden;');
  });

  it('are imported file by file through the importer, as the DPO team member', async () => {
    const imported: string[] = [];
    const waves = await seedCodebooks(
      { import: async (file, by) => { imported.push(`${file.fileName} by ${by.displayName}`); return files.find((f) => f.fileName === file.fileName)?.waves ?? []; } },
      { id: 'an.peeters@vsa.local', displayName: 'An Peeters' }
    );
    expect(waves).toBe(4);
    expect(imported).toEqual([
      'SV-bevraging 2023 codeboek.csv by An Peeters',
      'COVID-19-bevraging golf 3 (DDI 2.5).xml by An Peeters',
      'SCV-survey 2015 (DDI 2.5).xml by An Peeters'
    ]);
  });

  it('are read by the forms engine\'s reader as the waves they say, and the misspelling gets the right suggestion', () => {
    const codebooks = files.flatMap((file) => (file.fileName.endsWith('.csv') ? parseCodebookCsv(file.bytes, file.fileName) : parseDdiCodebook(file.bytes, file.fileName)));
    expect(codebooks.map((codebook) => codebook.wave)).toEqual(files.flatMap((file) => file.waves));
    for (const codebook of codebooks) {
      expect(codebook.variables.length).toBeGreaterThanOrEqual(180);
      expect(codebook.variables.filter((variable) => variable.sensitive).length).toBeGreaterThanOrEqual(8);
    }
    const index = codebookIndex(codebooks);
    expect(index.suggest('inkomen_huishoudn', ['SV-bevraging 2023-1'])[0]).toBe('inkomen_huishouden');
    for (const name of demoFormVariablesInCodebooks()) expect(index.find(name, ['COVID-19-bevraging golf 3'])).toBeDefined();
    expect(index.find('geslacht', ['SCV-survey 2015'])?.variable.categories?.length).toBe(3);
  });
});
