/**
 * Writes a simple, valid PDF 1.4 of text lines (A4, Helvetica 10 pt, wrapped, paginated).
 * Characters outside Windows-1252 are replaced by "?" (the standard Type 1 fonts cover no more).
 * Format: ISO 32000-1 (PDF 1.7) §7.5 file structure, §9.6.2 standard Type 1 fonts.
 */

const pageWidth = 595;
const pageHeight = 842;
const margin = 56;
const fontSize = 10;
const leading = 14;
const maxChars = 95;
const linesPerPage = Math.floor((pageHeight - 2 * margin) / leading);

/** Windows-1252 code points 0x80–0x9F that differ from Latin-1. */
const cp1252: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88, 0x2030: 0x89,
  0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93, 0x201d: 0x94, 0x2022: 0x95,
  0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b, 0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f
};

function toWinAnsi(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text.replace(/\t/g, '    ')) {
    const code = ch.codePointAt(0) as number;
    if (code >= 0x20 && code < 0x7f) bytes.push(code);
    else if (code >= 0xa0 && code <= 0xff) bytes.push(code);
    else if (cp1252[code] !== undefined) bytes.push(cp1252[code]);
    else bytes.push(0x3f);
  }
  return bytes;
}

function pdfString(bytes: number[]): string {
  let out = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return `${out})`;
}

function wrap(line: string): string[] {
  if (line.length <= maxChars) return [line];
  const out: string[] = [];
  let rest = line;
  while (rest.length > maxChars) {
    const cut = rest.lastIndexOf(' ', maxChars);
    const at = cut > maxChars / 2 ? cut : maxChars;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^ /, '');
  }
  out.push(rest);
  return out;
}

/** The PDF bytes of `lines` with `title` in the document information dictionary. */
export function textPdf(lines: readonly string[], title: string): Uint8Array {
  const wrapped = lines.flatMap(wrap);
  const pages: string[][] = [];
  for (let i = 0; i < Math.max(wrapped.length, 1); i += linesPerPage) pages.push(wrapped.slice(i, i + linesPerPage));
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 5 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title ${pdfString(toWinAnsi(title))} /Producer (Microdata Dossiers local tenant) >>`;
  pages.forEach((pageLines, i) => {
    const content = ['BT', `/F1 ${fontSize} Tf`, `${leading} TL`, `${margin} ${pageHeight - margin} Td`, ...pageLines.map((l) => `${pdfString(toWinAnsi(l))} '`), 'ET'].join('\n');
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  // Every character above is ASCII (non-ASCII text is octal-escaped), so string length = byte length.
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id += 1) {
    offsets[id] = pdf.length;
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id += 1) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}
