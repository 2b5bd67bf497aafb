/**
 * Placeholder texts that mean "nothing filled in yet", in any language Word ships them in.
 * Compared after normalisation (lower case, collapsed spaces, no trailing punctuation or brackets).
 */
export const WORD_DEFAULT_PLACEHOLDERS: readonly string[] = [
  'Klik of tik om tekst in te voeren.',
  'Klik of tik om een datum in te voeren.',
  'Klik hier als u tekst wilt invoeren.',
  'Klik hier om tekst in te voeren.',
  'Kies een item.',
  'Click or tap here to enter text.',
  'Click or tap to enter a date.',
  'Click here to enter text.',
  'Click here to enter a date.',
  'Choose an item.',
  'Cliquez ou appuyez ici pour entrer du texte.',
  'Cliquez ici pour entrer du texte.',
  'Choisissez un élément.',
  'Klicken oder tippen Sie hier, um Text einzugeben.',
  'Klicken Sie hier, um Text einzugeben.',
  'Wählen Sie ein Element aus.',
  'Invullen',
  'In te vullen',
  'To be completed',
  '...',
  '…'
];

/** Lower case, collapsed whitespace, without surrounding brackets and trailing punctuation. */
export function normalizePlaceholderCandidate(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[[(<{]+|[\])>}]+$/g, '')
    .replace(/[.:…\s]+$/g, '')
    .toLowerCase();
}
