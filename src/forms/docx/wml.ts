import { escapeXml } from './xml';

/** Small string builders for WordprocessingML, shared by the template and typed-over generators. */

export const DOCUMENT_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>';

/** A4 portrait, 2.5 cm margins. */
export const DOCUMENT_CLOSE =
  '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>';

/** A run; lines become w:br separated text. */
export function run(text: string, rPr = ''): string {
  const lines = text.split('\n');
  const content = lines.map((line, i) => `${i > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t>`).join('');
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}${content}</w:r>`;
}

/** A paragraph with an optional style and inner runs (already XML). */
export function paragraph(inner: string, styleId?: string, extraPPr = ''): string {
  const pPr = styleId || extraPPr ? `<w:pPr>${styleId ? `<w:pStyle w:val="${styleId}"/>` : ''}${extraPPr}</w:pPr>` : '';
  return `<w:p>${pPr}${inner}</w:p>`;
}

/** A paragraph of plain text. */
export function textParagraph(text: string, styleId?: string): string {
  return paragraph(text ? run(text) : '', styleId);
}

/** A table cell with a width in twips and inner block content (paragraphs); shading optional. */
export function cell(inner: string, widthTwips: number, shading?: string): string {
  const shd = shading ? `<w:shd w:val="clear" w:color="auto" w:fill="${shading}"/>` : '';
  return `<w:tc><w:tcPr><w:tcW w:w="${widthTwips}" w:type="dxa"/>${shd}</w:tcPr>${inner || '<w:p/>'}</w:tc>`;
}

/** A table with the grid style and column widths. */
export function table(rows: string[], widths: number[]): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('');
  const total = widths.reduce((a, b) => a + b, 0);
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${total}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

/** A table row; `header` repeats it on every page. */
export function row(cells: string[], header = false): string {
  return `<w:tr>${header ? '<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' : '<w:trPr><w:cantSplit/></w:trPr>'}${cells.join('')}</w:tr>`;
}

export const BOLD = '<w:b/><w:bCs/>';
export const PLACEHOLDER_RPR = '<w:rStyle w:val="PlaceholderText"/>';

/** Properties of a content control (tag = field id, alias = Dutch label). */
export function sdtPr(id: number, tag: string, alias: string, options: { plainText?: boolean; multiLine?: boolean; locked?: boolean; placeholder?: boolean }): string {
  const lock = options.locked ? '<w:lock w:val="sdtContentLocked"/>' : '';
  const plcHdr = options.placeholder ? '<w:showingPlcHdr/>' : '';
  const text = options.plainText ? `<w:text${options.multiLine ? ' w:multiLine="1"' : ''}/>` : '';
  return `<w:sdtPr><w:alias w:val="${escapeXml(alias)}"/><w:tag w:val="${escapeXml(tag)}"/><w:id w:val="${id}"/>${lock}${plcHdr}${text}</w:sdtPr>`;
}

/** An inline (run-level) plain-text content control showing placeholder text. */
export function inlineControl(id: number, tag: string, alias: string, placeholder: string, multiLine = false): string {
  return `<w:sdt>${sdtPr(id, tag, alias, { plainText: true, multiLine, placeholder: true })}<w:sdtContent>${run(placeholder, PLACEHOLDER_RPR)}</w:sdtContent></w:sdt>`;
}

/** A block-level rich-text content control (one paragraph) showing placeholder text. */
export function blockControl(id: number, tag: string, alias: string, placeholder: string): string {
  return `<w:sdt>${sdtPr(id, tag, alias, { placeholder: true })}<w:sdtContent>${paragraph(run(placeholder, PLACEHOLDER_RPR))}</w:sdtContent></w:sdt>`;
}
