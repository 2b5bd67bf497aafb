import { readFileSync } from 'fs';
import { join } from 'path';
import {
  codebookImportMessages,
  codebookIndex,
  CodebookImportError,
  isCodebookImportError,
  MAX_CODEBOOK_BYTES,
  parseCodebookCsv,
  parseCodebookFile,
  parseDdiCodebook
} from '../../src/forms';
import type { Codebook, CodebookImportErrorCode } from '../../src/forms';
import { boundedDamerau } from '../../src/forms/codebook';

const FIXTURES = join(__dirname, '..', 'fixtures', 'codebooks');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A minimal DDI-Codebook 2.5 file; `vars` is the inner XML of dataDscr. */
function ddi(vars: string, options: { title?: string; namespaced?: boolean; extra?: string } = {}): string {
  const ns = options.namespaced === false ? '' : ' xmlns="ddi:codebook:2_5"';
  const title = options.title === undefined ? 'SV-bevraging 2023-1' : options.title;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<codeBook${ns} version="2.5"><stdyDscr><citation><titlStmt><titl>${title}</titl></titlStmt></citation></stdyDscr>${options.extra ?? ''}\n<dataDscr>\n${vars}\n</dataDscr></codeBook>`;
}

const variable = (name: string, label: string, extra = ''): string => `<var ID="V_${name}" name="${name}"><labl level="variable">${label}</labl>${extra}</var>`;

/** The code and params of the CodebookImportError `run` throws (fails the test when it does not throw one). */
function refusal(run: () => unknown): { code: CodebookImportErrorCode; params: Record<string, string>; message: string; messageEn: string } {
  try {
    run();
  } catch (error) {
    if (!isCodebookImportError(error)) throw error;
    return { code: error.code, params: error.params, message: error.message, messageEn: error.messageEn };
  }
  throw new Error('expected a CodebookImportError');
}

describe('parseDdiCodebook', () => {
  it('reads the fixture as a producer writes it: namespaced, schemaLocation, fileDscr per wave, categories, sensitive note', () => {
    const codebooks = parseDdiCodebook(new Uint8Array(readFileSync(join(FIXTURES, 'sv-bevraging-2023.xml'))), 'sv-bevraging-2023.xml');
    expect(codebooks.map((codebook) => codebook.wave)).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    const [first, second] = codebooks;
    expect(first.variables.map((v) => v.name)).toEqual(['respondent_id', 'leeftijd', 'geslacht', 'inkomen_huishouden', 'gezondheid_ervaren', 'vertrouwen_buren']);
    expect(second.variables.map((v) => v.name)).toEqual(['respondent_id', 'leeftijd', 'geslacht', 'inkomen_huishouden', 'gezondheid_ervaren', 'religie']);
    const health = first.variables.find((v) => v.name === 'gezondheid_ervaren')!;
    expect(health).toMatchObject({ label: 'Ervaren gezondheid', sensitive: true });
    expect(health.categories).toEqual([
      { value: '1', label: 'Zeer goed' },
      { value: '2', label: 'Goed' },
      { value: '3', label: 'Matig' },
      { value: '4', label: 'Slecht' }
    ]);
    expect(second.variables.find((v) => v.name === 'religie')!.sensitive).toBe(true);
    expect(first.variables.find((v) => v.name === 'leeftijd')).toEqual({ name: 'leeftijd', label: 'Leeftijd op het moment van de bevraging (in jaren)', sensitive: false });
  });

  it('reads non-namespaced files and takes the wave from the study title', () => {
    const [codebook] = parseDdiCodebook(utf8(ddi(variable('a', 'A') + variable('b', 'B'), { namespaced: false, title: 'COVID-19-bevraging golf 3' })), 'c.xml');
    expect(codebook.wave).toBe('COVID-19-bevraging golf 3');
    expect(codebook.variables.map((v) => v.name)).toEqual(['a', 'b']);
  });

  it('takes the wave from IDNo, from the survey with collDate and cycle, from a var note, else from options.wave', () => {
    const idno = `<codeBook><stdyDscr><citation><titlStmt><titl>Survey Vlaanderen</titl><IDNo>VSA SCV-survey 2004</IDNo></titlStmt></citation></stdyDscr><dataDscr>${variable('x', 'X')}</dataDscr></codeBook>`;
    expect(parseDdiCodebook(utf8(idno), 'i.xml')[0].wave).toBe('SCV-survey 2004');
    const collected = `<codeBook><stdyDscr><citation><titlStmt><titl>SV-bevraging</titl></titlStmt></citation><stdyInfo><sumDscr><collDate date="2024-09-02" event="start" cycle="2"/><collDate date="2024-11-30" event="end" cycle="2"/></sumDscr></stdyInfo></stdyDscr><dataDscr>${variable('x', 'X')}</dataDscr></codeBook>`;
    expect(parseDdiCodebook(utf8(collected), 'c.xml')[0].wave).toBe('SV-bevraging 2024-2');
    const noted = ddi(variable('x', 'X', '<notes type="VSA:wave">SV-bevraging 2025-1; SV-bevraging 2025-2</notes>') + variable('y', 'Y'), { title: 'SV-bevraging 2021-1' });
    expect(parseDdiCodebook(utf8(noted), 'n.xml').map((c) => [c.wave, c.variables.map((v) => v.name)])).toEqual([
      ['SV-bevraging 2021-1', ['y']],
      ['SV-bevraging 2025-1', ['x']],
      ['SV-bevraging 2025-2', ['x']]
    ]);
    const untitled = ddi(variable('x', 'X'), { title: 'Vlaamse bevraging' });
    expect(parseDdiCodebook(utf8(untitled), 'u.xml', { wave: 'SCV-survey 2018' })[0].wave).toBe('SCV-survey 2018');
    expect(refusal(() => parseDdiCodebook(utf8(untitled), 'u.xml'))).toMatchObject({ code: 'noWave', params: { variable: 'x', line: '4' } });
  });

  it('prefers what the file says over options.wave, and refuses an options.wave the catalog does not know', () => {
    expect(parseDdiCodebook(utf8(ddi(variable('x', 'X'))), 'a.xml', { wave: 'SCV-survey 2018' })[0].wave).toBe('SV-bevraging 2023-1');
    expect(refusal(() => parseDdiCodebook(utf8(ddi(variable('x', 'X'))), 'a.xml', { wave: 'SV-bevraging 2031-1' }))).toMatchObject({ code: 'unknownWave', params: { wave: 'SV-bevraging 2031-1' } });
  });

  it('refuses a DOCTYPE or entity declaration before parsing', () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><codeBook>&lol2;</codeBook>`;
    expect(refusal(() => parseDdiCodebook(utf8(bomb), 'bomb.xml')).code).toBe('doctype');
    const xxe = `<?xml version="1.0"?><!DOCTYPE codeBook SYSTEM "file:///etc/passwd"><codeBook/>`;
    expect(refusal(() => parseDdiCodebook(utf8(xxe), 'xxe.xml')).code).toBe('doctype');
  });

  it('refuses what is not XML, naming the line, and XML that is not a codebook', () => {
    expect(refusal(() => parseDdiCodebook(utf8('name,label\nx,y'), 'a.xml')).code).toBe('notXml');
    const broken = refusal(() => parseDdiCodebook(utf8('<codeBook>\n<dataDscr>\n<var name="x"></dataDscr></codeBook>'), 'b.xml'));
    expect(broken.code).toBe('notXml');
    expect(broken.params.line).toBe('3');
    expect(broken.message).toContain('b.xml: dit is geen geldige XML (regel 3');
    expect(refusal(() => parseDdiCodebook(utf8('<w:document xmlns:w="x"/>'), 'c.xml'))).toMatchObject({ code: 'notDdi', params: { root: 'w:document' } });
  });

  it('refuses a file over 50 MB without decoding it', () => {
    const huge = new Uint8Array(MAX_CODEBOOK_BYTES + 1);
    // All zero bytes: decoding or parsing would fail differently, so tooLarge proves the order.
    expect(refusal(() => parseDdiCodebook(huge, 'huge.xml')).code).toBe('tooLarge');
    expect(refusal(() => parseCodebookCsv(huge, 'huge.csv')).code).toBe('tooLarge');
  });

  it('refuses duplicate names within a wave (case-insensitive), naming both lines; the same name in two waves is fine', () => {
    const duplicate = refusal(() => parseDdiCodebook(utf8(ddi(`${variable('leeftijd', 'A')}\n${variable('Leeftijd', 'B')}`)), 'd.xml'));
    expect(duplicate).toMatchObject({ code: 'duplicate', params: { variable: 'Leeftijd', wave: 'SV-bevraging 2023-1', line: '5', firstLine: '4' } });
    const twoWaves = ddi(`${variable('x', 'X', '<notes type="VSA:wave">SCV-survey 2010</notes>')}\n${variable('x', 'X', '<notes type="VSA:wave">SCV-survey 2011</notes>')}`);
    expect(parseDdiCodebook(utf8(twoWaves), 't.xml').map((c) => c.wave)).toEqual(['SCV-survey 2010', 'SCV-survey 2011']);
  });

  it('refuses unknown encodings: UTF-16 without BOM, Latin-1 bytes, a declared encoding other than UTF-8', () => {
    const text = ddi(variable('x', 'X'));
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i);
    expect(refusal(() => parseDdiCodebook(utf16, 'u16.xml')).code).toBe('utf16WithoutBom');
    const latin1 = utf8(ddi(variable('x', 'Xy')));
    latin1[latin1.lastIndexOf(0x79)] = 0xe9; // "Xé" in Latin-1
    expect(refusal(() => parseDdiCodebook(latin1, 'l1.xml'))).toMatchObject({ code: 'notUtf8', params: { line: '4', byte: '0xE9' } });
    expect(refusal(() => parseDdiCodebook(utf8(text.replace('UTF-8', 'ISO-8859-1')), 'iso.xml'))).toMatchObject({ code: 'encoding', params: { encoding: 'ISO-8859-1' } });
  });

  it('accepts UTF-8 with BOM and UTF-16 with BOM', () => {
    const text = ddi(variable('é_x', 'Élan'));
    expect(parseDdiCodebook(utf8(`\uFEFF${text}`), 'bom.xml')[0].variables[0].name).toBe('é_x');
    const body = text.replace('UTF-8', 'UTF-16');
    const le = new Uint8Array(2 + body.length * 2);
    le[0] = 0xff;
    le[1] = 0xfe;
    for (let i = 0; i < body.length; i++) {
      le[2 + i * 2] = body.charCodeAt(i) & 0xff;
      le[3 + i * 2] = body.charCodeAt(i) >> 8;
    }
    expect(parseDdiCodebook(le, 'le.xml')[0].variables[0]).toMatchObject({ name: 'é_x', label: 'Élan' });
  });

  it('refuses an unknown wave, a nameless var, a bad sensitive note and a file without variables', () => {
    expect(refusal(() => parseDdiCodebook(utf8(ddi(variable('x', 'X'), { title: 'SV-bevraging 2030-1' })), 'w.xml'))).toMatchObject({ code: 'unknownWave', params: { wave: 'SV-bevraging 2030-1' } });
    expect(refusal(() => parseDdiCodebook(utf8(ddi('<var ID="V1"><labl>Zonder naam</labl></var>')), 'n.xml'))).toMatchObject({ code: 'missingName', params: { line: '4' } });
    expect(refusal(() => parseDdiCodebook(utf8(ddi(variable('x', 'X', '<notes type="VSA:sensitive">misschien</notes>'))), 's.xml'))).toMatchObject({ code: 'sensitiveValue', params: { variable: 'x', value: 'misschien' } });
    expect(refusal(() => parseDdiCodebook(utf8(ddi('')), 'e.xml')).code).toBe('noVariables');
    expect(refusal(() => parseDdiCodebook(new Uint8Array(0), 'z.xml')).code).toBe('empty');
  });
});

describe('parseCodebookCsv', () => {
  it('reads comma and semicolon files, quoted separators, doubled quotes and newlines, BOM stripped', () => {
    const comma = '\uFEFFname,label,wave,sensitive\r\nleeftijd,"Leeftijd, in jaren",SV-bevraging 2023-1,nee\r\ngezondheid,"Ervaren ""algemene""\ngezondheid",SV-bevraging 2023-1,ja\r\n';
    expect(parseCodebookCsv(utf8(comma), 'c.csv')).toEqual([
      {
        wave: 'SV-bevraging 2023-1',
        variables: [
          { name: 'leeftijd', label: 'Leeftijd, in jaren', sensitive: false },
          { name: 'gezondheid', label: 'Ervaren "algemene" gezondheid', sensitive: true }
        ]
      }
    ]);
    const semicolon = 'Naam;Omschrijving;Golf;Gevoelig\nx;"a; b";SCV-survey 2010-2011;\n\ny;Y, z;SCV-survey 2011;1\n';
    expect(parseCodebookCsv(utf8(semicolon), 's.csv')).toEqual([
      { wave: 'SCV-survey 2010', variables: [{ name: 'x', label: 'a; b', sensitive: false }] },
      { wave: 'SCV-survey 2011', variables: [{ name: 'x', label: 'a; b', sensitive: false }, { name: 'y', label: 'Y, z', sensitive: true }] }
    ]);
  });

  it.each([
    ['ja', true], ['Yes', true], ['TRUE', true], ['1', true],
    ['nee', false], ['no', false], ['false', false], ['0', false], ['', false]
  ])('reads sensitive "%s" as %s', (value, expected) => {
    expect(parseCodebookCsv(utf8(`name,label,wave,sensitive\nx,X,SCV-survey 2001,${value}\n`), 'v.csv')[0].variables[0].sensitive).toBe(expected);
  });

  it('takes options.wave for a file without a wave column or an empty wave cell', () => {
    expect(parseCodebookCsv(utf8('name,label\nx,X\n'), 'w.csv', { wave: 'COVID-19-bevraging golf 8' })[0].wave).toBe('COVID-19-bevraging golf 8');
    expect(parseCodebookCsv(utf8('name,label,wave\nx,X,\n'), 'w.csv', { wave: 'SCV-survey 1996' })[0].wave).toBe('SCV-survey 1996');
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave\nx,X,\n'), 'w.csv'))).toMatchObject({ code: 'noWave', params: { line: '2', variable: 'x' } });
  });

  it.each(['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '  =1'])('refuses the formula cell %j, naming line and column', (cell) => {
    const result = refusal(() => parseCodebookCsv(utf8(`name,label,wave\nx,X,SCV-survey 2001\ny,"${cell.replace(/"/g, '""')}",SCV-survey 2001\n`), 'f.csv'));
    expect(result).toMatchObject({ code: 'formula', params: { line: '3', column: 'label' } });
  });

  it('refuses a formula anywhere, also in the header or an extra column', () => {
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave,=cmd\nx,X,SCV-survey 2001,\n'), 'h.csv'))).toMatchObject({ code: 'formula', params: { line: '1', column: '4' } });
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave,bron\nx,X,SCV-survey 2001,@x\n'), 'h.csv'))).toMatchObject({ code: 'formula', params: { column: 'bron' } });
  });

  it('refuses a header without the required columns, naming them', () => {
    const result = refusal(() => parseCodebookCsv(utf8('variable_name;description\nx;X\n'), 'm.csv'));
    expect(result).toMatchObject({ code: 'missingColumns', params: { columns: 'name, label, wave' } });
    expect(result.messageEn).toContain('m.csv: the header lacks the column(s) name, label, wave');
  });

  it('refuses duplicates, unknown waves, nameless rows, unclosed quotes, bad sensitive values, no rows — importing nothing', () => {
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave\nx,X,SCV-survey 2001\nX,Y,SCV-survey 2001\n'), 'd.csv'))).toMatchObject({ code: 'duplicate', params: { line: '3', firstLine: '2', variable: 'X' } });
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave\nx,X,SCV-survey 2019\n'), 'u.csv'))).toMatchObject({ code: 'unknownWave', params: { line: '2', wave: 'SCV-survey 2019' } });
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave\n,X,SCV-survey 2001\n'), 'n.csv'))).toMatchObject({ code: 'missingName', params: { line: '2' } });
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave\nx,"X,SCV-survey 2001\ny,Y,SCV-survey 2001\n'), 'q.csv'))).toMatchObject({ code: 'unterminatedQuote', params: { line: '2' } });
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave,sensitive\nx,X,SCV-survey 2001,soms\n'), 's.csv'))).toMatchObject({ code: 'sensitiveValue', params: { value: 'soms' } });
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave\n'), 'e.csv')).code).toBe('noVariables');
    expect(refusal(() => parseCodebookCsv(utf8('\n\n'), 'e.csv')).code).toBe('empty');
  });

  it('counts lines across quoted newlines for later errors', () => {
    expect(refusal(() => parseCodebookCsv(utf8('name,label,wave\nx,"a\nb\nc",SCV-survey 2001\n,Y,SCV-survey 2001\n'), 'l.csv')).params.line).toBe('5');
  });

  it('refuses Windows-1252 bytes and UTF-16 without BOM', () => {
    const bytes = utf8('name,label,wave\nx,Caf?,SCV-survey 2001\n');
    bytes[bytes.indexOf(0x3f)] = 0xe9;
    expect(refusal(() => parseCodebookCsv(bytes, 'w.csv'))).toMatchObject({ code: 'notUtf8', params: { line: '2' } });
    const text = 'name,label,wave\n';
    const utf16 = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) utf16[i * 2] = text.charCodeAt(i);
    expect(refusal(() => parseCodebookCsv(utf16, 'u.csv')).code).toBe('utf16WithoutBom');
  });
});

describe('parseCodebookFile', () => {
  it('reads .csv as CSV and anything else as DDI', () => {
    expect(parseCodebookFile(utf8('name,label,wave\nx,X,SCV-survey 2001\n'), 'a.CSV')[0].wave).toBe('SCV-survey 2001');
    expect(refusal(() => parseCodebookFile(utf8('name,label,wave\nx,X,SCV-survey 2001\n'), 'a.xml')).code).toBe('notXml');
  });
});

describe('CodebookImportError', () => {
  it('has Dutch and English texts with the same placeholders for every code', () => {
    for (const text of Object.values(codebookImportMessages)) {
      expect((text.nl.match(/\{\w+\}/g) ?? []).sort()).toEqual((text.en.match(/\{\w+\}/g) ?? []).sort());
    }
    const error = new CodebookImportError('duplicate', 'x.csv', { line: '3', variable: 'a', wave: 'SCV-survey 2001', firstLine: '2' });
    expect(error.message).toBe('x.csv: regel 3: de variabele a komt twee keer voor in SCV-survey 2001 (eerder op regel 2)');
    expect(error.messageEn).toBe('x.csv: line 3: the variable a occurs twice in SCV-survey 2001 (earlier on line 2)');
    expect(error instanceof CodebookImportError && isCodebookImportError(error)).toBe(true);
  });
});

describe('codebookIndex', () => {
  const codebooks: Codebook[] = [
    {
      wave: 'SV-bevraging 2023-1',
      variables: [
        { name: 'inkomen_huishouden', label: 'Netto maandinkomen van het huishouden', sensitive: false },
        { name: 'inkomen_persoon', label: 'Persoonlijk netto inkomen', sensitive: false },
        { name: 'huishoudgrootte', label: 'Aantal personen in het huishouden', sensitive: false },
        { name: 'lftd', label: 'Leeftijd in jaren', sensitive: false },
        { name: 'gezondheid_ervaren', label: 'Ervaren gezondheid', sensitive: true },
        { name: 'geslacht', label: 'Geslacht', sensitive: false }
      ]
    },
    { wave: 'SV-bevraging 2023-2', variables: [{ name: 'religie', label: 'Levensbeschouwing of religie', sensitive: true }, { name: 'geslacht', label: 'Geslacht (2023-2)', sensitive: false }] }
  ];
  const index = codebookIndex(codebooks);

  it('is cached per array', () => {
    expect(codebookIndex(codebooks)).toBe(index);
    expect(codebookIndex([...codebooks])).not.toBe(index);
  });

  it('finds names case-insensitively within the given waves, in wave order', () => {
    expect(index.find('Inkomen_Huishouden')).toMatchObject({ wave: 'SV-bevraging 2023-1', variable: { name: 'inkomen_huishouden' } });
    expect(index.find('religie', ['SV-bevraging 2023-1'])).toBeUndefined();
    expect(index.find('religie', ['SV-bevraging 2023-1', 'SV-bevraging 2023-2'])?.wave).toBe('SV-bevraging 2023-2');
    expect(index.findAll('geslacht').map((match) => match.wave)).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    expect(index.find('inkomen huishouden')).toBeUndefined();
    expect(index.waves).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    expect(index.hasWave('SCV-survey 2001')).toBe(false);
  });

  it('suggests inkomen_huishouden first for inkomen_huishoudn, at most three, never the name itself', () => {
    const suggestions = index.suggest('inkomen_huishoudn');
    expect(suggestions[0]).toBe('inkomen_huishouden');
    expect(suggestions.length).toBeLessThanOrEqual(3);
    expect(index.suggest('inkomen_huishouden')).not.toContain('inkomen_huishouden');
    expect(index.suggest('inkomen_huishoudn', undefined, 1)).toEqual(['inkomen_huishouden']);
  });

  it('ignores case and separators, and uses label words', () => {
    expect(index.suggest('Inkomen-Huishouden')[0]).toBe('inkomen_huishouden');
    expect(index.suggest('INKOMEN HUISHOUDEN')[0]).toBe('inkomen_huishouden');
    expect(index.suggest('leeftijd')).toEqual(['lftd']);
    expect(index.suggest('gezondheid')[0]).toBe('gezondheid_ervaren');
    // Transposition is one edit (Damerau).
    expect(boundedDamerau('gesalcht', 'geslacht', 3)).toBe(1);
    expect(index.suggest('gesalcht')[0]).toBe('geslacht');
  });

  it('suggests only from the given waves and nothing when nothing is near', () => {
    expect(index.suggest('religi', ['SV-bevraging 2023-1'])).toEqual([]);
    expect(index.suggest('religi', ['SV-bevraging 2023-2'])).toEqual(['religie']);
    expect(index.suggest('xyzzy_qwerty')).toEqual([]);
  });

  it('searches names and label words, best first', () => {
    expect(index.search('inkomen').map((m) => m.variable.name)).toEqual(['inkomen_huishouden', 'inkomen_persoon']);
    expect(index.search('huishouden').map((m) => m.variable.name)).toEqual(['inkomen_huishouden', 'huishoudgrootte']);
    expect(index.search('netto inko').map((m) => m.variable.name)).toEqual(['inkomen_huishouden', 'inkomen_persoon']);
    expect(index.search('geslacht').map((m) => m.wave)).toEqual(['SV-bevraging 2023-1', 'SV-bevraging 2023-2']);
    expect(index.search('geslacht', ['SV-bevraging 2023-2']).map((m) => m.wave)).toEqual(['SV-bevraging 2023-2']);
    expect(index.search('religie', undefined, 0)).toEqual([]);
    expect(index.search('  ')).toEqual([]);
    expect(index.search('ge', undefined, 2)).toHaveLength(2);
  });

  it('bounds the edit distance: farther than the limit is limit + 1', () => {
    expect(boundedDamerau('abc', 'abc', 2)).toBe(0);
    expect(boundedDamerau('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDamerau('kitten', 'sitting', 2)).toBe(3);
    expect(boundedDamerau('a', 'abcdef', 2)).toBe(3);
    expect(boundedDamerau('', 'ab', 3)).toBe(2);
  });
});
