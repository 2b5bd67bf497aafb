/** MIME types of the files the product sends and stores. */
export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const pdfContentType = 'application/pdf';

/** The MIME type of a file by its extension; `application/octet-stream` for anything else. */
export function contentTypeOf(fileName: string): string {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.docx')) return docxContentType;
  if (lower.endsWith('.pdf')) return pdfContentType;
  return 'application/octet-stream';
}
