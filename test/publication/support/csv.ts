/** A strict RFC 4180 reader for the tests: throws on a stray quote, so a badly quoted export fails. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quoted = false;
  let cellStarted = false;
  while (index < text.length) {
    const ch = text[index];
    if (quoted) {
      if (ch === '"' && text[index + 1] === '"') { cell += '"'; index += 2; continue; }
      if (ch === '"') { quoted = false; index++; if (!/^(,|\r\n|$)/.test(text.slice(index, index + 2))) throw new Error(`text after closing quote at ${index}`); continue; }
      cell += ch; index++; continue;
    }
    if (ch === '"') { if (cellStarted) throw new Error(`stray quote at ${index}`); quoted = true; cellStarted = true; index++; continue; }
    if (ch === ',') { row.push(cell); cell = ''; cellStarted = false; index++; continue; }
    if (ch === '\r' && text[index + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; cellStarted = false; index += 2; continue; }
    if (ch === '\n' || ch === '\r') throw new Error(`bare line break at ${index}`);
    cell += ch; cellStarted = true; index++;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cellStarted || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}
