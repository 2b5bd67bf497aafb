/**
 * The text of a received mail's body, for the intake list and dialog. Pure string work (no DOM): an
 * HTML body is turned into plain text here, so the UI only ever renders text nodes — no markup of a
 * stranger's mail reaches the page, scripts and styles are dropped with their content, and entities
 * are decoded once (so `&lt;script&gt;` shows as the characters, never as a tag).
 */

/** How many characters the preview keeps (the list shows one or two lines). */
export const bodyPreviewLength = 200;

const named: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', euro: '€', eacute: 'é', egrave: 'è', ecirc: 'ê',
  euml: 'ë', aacute: 'á', agrave: 'à', acirc: 'â', auml: 'ä', iuml: 'ï', icirc: 'î', ouml: 'ö', ocirc: 'ô', uuml: 'ü',
  ucirc: 'û', ccedil: 'ç', Eacute: 'É', Egrave: 'È', Euml: 'Ë', Ouml: 'Ö', Uuml: 'Ü', Auml: 'Ä', szlig: 'ß',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  copy: '©', reg: '®', trade: '™', middot: '·', bull: '•', deg: '°', shy: ''
};

function codePoint(value: number): string {
  // A NUL, a surrogate or a number beyond Unicode is what a hostile mail would send: show the replacement character.
  if (!Number.isInteger(value) || value <= 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return '\uFFFD';
  return String.fromCodePoint(value);
}

/** Decodes HTML character references (named, decimal, hexadecimal) in one pass; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') return codePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return Object.prototype.hasOwnProperty.call(named, name) ? named[name] : whole;
  });
}

const blockTags = /^(p|div|br|li|tr|h[1-6]|table|ul|ol|blockquote|pre|hr|section|article|header|footer|address|dd|dt)$/i;

/**
 * Plain text of an HTML body: comments, `<head>`, `<script>`, `<style>`, `<template>` and similar
 * elements are removed with their content, block elements become line breaks, every other tag is
 * dropped, and entities are decoded last (decoding earlier would turn escaped text into tags).
 */
export function htmlToText(html: string): string {
  const withoutHidden = html
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<(script|style|head|title|template|noscript|iframe|object|svg|math)\b[\s\S]*?(<\/\1\s*>|$)/gi, '');
  const text = withoutHidden.replace(/<\/?([a-z][a-z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>|<[!?/][^>]*>/gi, (_tag, name: string | undefined) =>
    name && blockTags.test(name) ? '\n' : ''
  );
  // A lone `<` left by a broken tag is text; the UI renders it as a character anyway.
  return decodeEntities(text)
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\f\v]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The whole text of a body as Graph gives it (`body.contentType` is `text` or `html`). */
export function bodyToText(contentType: string | undefined, content: string): string {
  const text = /html/i.test(contentType ?? '') ? htmlToText(content) : content.replace(/\r\n?/g, '\n').trim();
  // Control characters (other than line breaks and tabs) have no place in a displayed text.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** The first ~200 characters with whitespace collapsed, cut at a word boundary when one is near. */
export function previewOf(text: string, length: number = bodyPreviewLength): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= length) return collapsed;
  const cut = collapsed.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.7 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
