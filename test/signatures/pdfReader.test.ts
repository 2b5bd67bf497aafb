import { zlibSync } from 'fflate';
import { PdfFile, PdfFileError } from '../../src/signatures/pdf/document';
import { decodeStream, PdfDict, PdfLexer, PdfName, PdfRef, PdfStream, PdfString } from '../../src/signatures/pdf/syntax';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
const latin1 = (data: Uint8Array): string => String.fromCharCode(...data);

describe('PDF object syntax', () => {
  it('reads names, strings, references, arrays and dictionaries with their offsets', () => {
    const source = '<< /A#20B (x\\(y\\)\\101) /R 12 0 R /H <48 65 6C6C6F> /N [1 -2.5 true null /Z] >>';
    const value = new PdfLexer(bytes(source)).readValue() as PdfDict;
    expect([...value.entries.keys()]).toEqual(['A B', 'R', 'H', 'N']);
    expect((value.get('A B') as PdfString).text()).toBe('x(y)A');
    expect(value.get('R')).toEqual(new PdfRef(12, 0));
    const hex = value.get('H') as PdfString;
    expect([hex.text(), hex.hex, hex.start, hex.end]).toEqual(['Hello', true, source.indexOf('<48'), source.indexOf('> /N') + 1]);
    expect(value.get('N')).toEqual([1, -2.5, true, null, new PdfName('Z')]);
  });

  it('decodes a FlateDecode stream with a PNG predictor (as cross-reference streams often are)', () => {
    // Two rows of 3 columns, "Up" filter on the second row.
    const rows = Uint8Array.from([2, 1, 2, 3, 2, 1, 1, 1]);
    const compressed = zlibSync(rows);
    const stream = new PdfStream(
      new PdfDict(new Map<string, never>([
        ['Filter', new PdfName('FlateDecode') as never],
        ['DecodeParms', new PdfDict(new Map([['Predictor', 12], ['Columns', 3]])) as never]
      ])),
      compressed
    );
    expect(Array.from(decodeStream(stream))).toEqual([1, 2, 3, 2, 3, 4]);
  });
});

describe('PdfFile', () => {
  /** A hybrid file: the table marks object 3 free, the /XRefStm stream gives its offset. */
  function hybrid(): Uint8Array {
    let text = '%PDF-1.5\n';
    const offsets: number[] = [];
    const add = (body: string): void => {
      offsets.push(text.length);
      text += body;
    };
    add('1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Marker 3 0 R >>\nendobj\n');
    add('2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n');
    add('3 0 obj\n(hidden from old readers)\nendobj\n');
    const row = (type: number, offset: number, gen: number): number[] => [type, (offset >> 8) & 0xff, offset & 0xff, gen];
    const data = Uint8Array.from(row(1, offsets[2], 0));
    const streamAt = text.length;
    text += `4 0 obj\n<< /Type /XRef /Size 5 /Index [3 1] /W [1 2 1] /Length ${data.length} >>\nstream\n${latin1(data)}\nendstream\nendobj\n`;
    const xrefAt = text.length;
    const entry = (offset: number, kind: string): string => `${String(offset).padStart(10, '0')} 00000 ${kind}\r\n`;
    text += `xref\n0 5\n${entry(0, 'f')}${entry(offsets[0], 'n')}${entry(offsets[1], 'n')}${entry(0, 'f')}${entry(streamAt, 'n')}`;
    text += `trailer\n<< /Size 5 /Root 1 0 R /XRefStm ${streamAt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    return bytes(text);
  }

  it('reads a hybrid file through its /XRefStm', () => {
    const file = PdfFile.open(hybrid());
    expect(file.revisions).toHaveLength(1);
    const marker = file.resolve(file.catalog()?.get('Marker'));
    expect((marker as PdfString).text()).toBe('hidden from old readers');
  });

  it('finds a table a few bytes away from a wrong startxref', () => {
    const text = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n`;
    const xrefAt = text.length;
    const entry = (offset: number, kind: string): string => `${String(offset).padStart(10, '0')} 00000 ${kind}\r\n`;
    const file = `${text}xref\n0 3\n${entry(0, 'f')}${entry(9, 'n')}${entry(text.indexOf('2 0 obj'), 'n')}trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n${xrefAt + 2}\n%%EOF\n`;
    const pdf = PdfFile.open(bytes(file));
    expect(pdf.catalog()?.name('Type')).toBe('Catalog');
  });

  it('refuses a cross-reference chain that loops', () => {
    const text = `%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f\r\n0000000009 00000 n\r\ntrailer\n<< /Size 2 /Root 1 0 R /Prev 45 >>\nstartxref\n45\n%%EOF\n`;
    expect(text.indexOf('xref')).toBe(45);
    expect(() => PdfFile.open(bytes(text))).toThrow(PdfFileError);
    try {
      PdfFile.open(bytes(text));
    } catch (error) {
      expect((error as PdfFileError).code).toBe('malformed');
    }
  });
});
