/**
 * The plain text of a .docx main document: paragraphs become lines, tabs and breaks are kept.
 * Enough for the local tenant's text-only PDF conversion; layout, tables and images are not rendered.
 */
import { ZipError, readZipEntry } from './zip-reader';

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, code: string) => {
    if (code.startsWith('#x')) return String.fromCodePoint(parseInt(code.slice(2), 16));
    if (code.startsWith('#')) return String.fromCodePoint(parseInt(code.slice(1), 10));
    return entities[code];
  });
}

/** Extracts the text lines of a .docx; throws ZipError for archives that are not Word documents. */
export function docxText(docx: Uint8Array): string[] {
  const xmlBytes = readZipEntry(docx, 'word/document.xml');
  if (!xmlBytes) throw new ZipError('The archive has no word/document.xml; it is not a Word document.');
  const xml = new TextDecoder().decode(xmlBytes);
  if (/<!DOCTYPE/i.test(xml)) throw new ZipError('word/document.xml contains a DOCTYPE, which Word documents never need.');
  const body = /<w:body[\s>]([\s\S]*)<\/w:body>/.exec(xml)?.[1] ?? '';
  const lines: string[] = [];
  for (const paragraph of body.split(/<\/w:p>/)) {
    let text = '';
    const tokens = paragraph.matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g);
    for (const token of tokens) {
      if (token[0].startsWith('<w:tab')) text += '\t';
      else if (token[0].startsWith('<w:br') || token[0].startsWith('<w:cr')) text += '\n';
      else text += decodeXmlText(token[1] ?? '');
    }
    if (/<w:p[\s>]/.test(paragraph) || text) lines.push(...text.split('\n'));
  }
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  return lines;
}
