import type { Lang } from '../domain/types';

/** The word the annotated copy's name ends in, per language. */
const commentsSuffix: Readonly<Record<Lang, string>> = { nl: 'opmerkingen', en: 'comments' };

/** `aanvraag.docx` → `aanvraag - opmerkingen.docx` (nl) / `aanvraag - comments.docx` (en). */
export function annotatedFileName(fileName: string, lang: Lang): string {
  const base = fileName.replace(/\.docx$/i, '');
  return `${base} - ${commentsSuffix[lang]}.docx`;
}
