/**
 * DDI-Codebook 2.5 XML (the statistical offices' standard, e.g. Nesstar, Colectica, IPUMS exports):
 * `codeBook/dataDscr/var` with `@name`, `labl` and `catgry` (`catValu`, `labl`), namespaced
 * (`ddi:codebook:2_5`) or not. Where the wave comes from, per variable, first that answers:
 *   1. `var/notes[@type="VSA:wave"]` (one or more wave ids, `;`-separated);
 *   2. `var/@files` → the `fileDscr` with that ID: its `notes[@type="VSA:wave"]`, `fileTxt/fileName`
 *      (`SV-bevraging_2023-1.sav`) or `fileTxt/fileCitation/titlStmt/titl` (several files: several waves);
 *   3. the study: `stdyDscr/citation/titlStmt/IDNo`, then `titl`, each when it names exactly one wave,
 *      else the survey the title names with `stdyInfo/sumDscr/collDate` (`@date` year, `@cycle` number);
 *   4. `options.wave` (the wave the importer chose in the CLI or the register).
 * Sensitive (GDPR art. 9): `var/notes[@type="VSA:sensitive"]` holding ja/yes/true/1 (nee/no/false/0).
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement } from '@xmldom/xmldom';
import type { Codebook, CodebookVariable } from '../types';
import { decodeCodebookBytes } from './decode';
import type { CodebookEncoding } from './decode';
import { CodebookImportError } from './errors';
import { CodebookCollector, parseSensitive } from './collect';
import { catalogWave, waveOfSurveyAndCollection, wavesInText, wavesOfCell } from './waves';

/** How the importer helps a file that does not say its wave. */
export interface CodebookParseOptions {
  /** A catalog wave id, used for the variables whose wave the file does not name. */
  readonly wave?: string;
}

/** The `notes/@type` values this product reads (DDI leaves `type` free for local conventions). */
export const DDI_WAVE_NOTE = 'VSA:wave';
export const DDI_SENSITIVE_NOTE = 'VSA:sensitive';

const ACCEPTED_DECLARATIONS: Readonly<Record<CodebookEncoding, readonly string[]>> = {
  'utf-8': ['utf-8', 'utf8', 'us-ascii', 'ascii'],
  'utf-16le': ['utf-16', 'utf-16le'],
  'utf-16be': ['utf-16', 'utf-16be']
};

interface Located {
  readonly lineNumber?: number;
}

const lineOf = (element: XmlElement): string => String((element as unknown as Located).lineNumber ?? '?');

/** Element children with this local name, in any namespace (DDI files come namespaced and not). */
function children(element: XmlElement | undefined, localName: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!element) return out;
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1 && (child as XmlElement).localName === localName) out.push(child as XmlElement);
  }
  return out;
}

const child = (element: XmlElement | undefined, localName: string): XmlElement | undefined => children(element, localName)[0];

const textOf = (element: XmlElement | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function notesOfType(element: XmlElement, type: string): XmlElement[] {
  return children(element, 'notes').filter((note) => (note.getAttribute('type') ?? '').trim().toLowerCase() === type.toLowerCase());
}

function parseXml(text: string, fileName: string): XmlElement {
  let failure: { message: string; line: string } | undefined;
  const parser = new DOMParser({
    onError: (level, message, context) => {
      if (level === 'warning' || failure) return;
      const locator = (context as unknown as { locator?: Located } | undefined)?.locator;
      failure = { message: String(message).split('\n')[0], line: String(locator?.lineNumber ?? '?') };
    }
  });
  let root: XmlElement | undefined;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement ?? undefined;
  } catch (error) {
    failure ??= { message: String((error as Error).message).split('\n')[0], line: '?' };
  }
  if (failure || !root) throw new CodebookImportError('notXml', fileName, { line: failure?.line ?? '1', detail: failure?.message ?? 'no root element' });
  return root;
}

/** A wave answer from a piece of the file: none, one or more catalog waves, or a wave the catalog does not know. */
type WaveAnswer = { readonly waves: string[] } | { readonly unknown: string; readonly line: string } | undefined;

function fromCell(text: string, line: string): WaveAnswer {
  if (!text) return undefined;
  const result = wavesOfCell(text);
  return 'waves' in result ? result : { unknown: result.unknown, line };
}

/** Waves named in free text: exactly one counts; several or none say nothing about a single wave. */
function fromText(text: string, line: string, allowSeveral: boolean): WaveAnswer {
  const found = wavesInText(text);
  if (found.length === 0 || (found.length > 1 && !allowSeveral)) return undefined;
  const unknown = found.find((id) => !catalogWave(id));
  return unknown ? { unknown, line } : { waves: found.map((id) => catalogWave(id)!) };
}

const first = (...answers: (() => WaveAnswer)[]): WaveAnswer => {
  for (const answer of answers) {
    const result = answer();
    if (result) return result;
  }
  return undefined;
};

function fileWave(fileDscr: XmlElement): WaveAnswer {
  const fileTxt = child(fileDscr, 'fileTxt');
  const fileName = child(fileTxt, 'fileName');
  const citationTitle = child(child(child(fileTxt, 'fileCitation'), 'titlStmt'), 'titl');
  return first(
    () => notesOfType(fileDscr, DDI_WAVE_NOTE).map((note) => fromCell(textOf(note), lineOf(note))).find(Boolean),
    () => (fileName ? fromText(textOf(fileName), lineOf(fileName), false) : undefined),
    () => (citationTitle ? fromText(textOf(citationTitle), lineOf(citationTitle), false) : undefined)
  );
}

function studyWave(root: XmlElement): WaveAnswer {
  const stdyDscr = child(root, 'stdyDscr');
  const titlStmt = child(child(stdyDscr, 'citation'), 'titlStmt');
  const title = child(titlStmt, 'titl');
  const ids = children(titlStmt, 'IDNo');
  const collDate = children(child(child(stdyDscr, 'stdyInfo'), 'sumDscr'), 'collDate');
  const startOrSingle = collDate.find((date) => (date.getAttribute('event') ?? 'single') !== 'end') ?? collDate[0];
  return first(
    ...ids.map((id) => () => fromText(textOf(id), lineOf(id), false)),
    () => (title ? fromText(textOf(title), lineOf(title), false) : undefined),
    () => {
      if (!title || !startOrSingle) return undefined;
      const wave = waveOfSurveyAndCollection(
        `${textOf(title)} ${ids.map(textOf).join(' ')}`,
        startOrSingle.getAttribute('date') ?? textOf(startOrSingle),
        startOrSingle.getAttribute('cycle') ?? undefined
      );
      if (!wave) return undefined;
      const known = catalogWave(wave);
      return known ? { waves: [known] } : { unknown: wave, line: lineOf(startOrSingle) };
    }
  );
}

function variableLabel(variable: XmlElement): string {
  const labels = children(variable, 'labl');
  const label = labels.find((item) => (item.getAttribute('level') ?? 'variable') === 'variable') ?? labels[0];
  return textOf(label);
}

function categoriesOf(variable: XmlElement): CodebookVariable['categories'] {
  const categories = children(variable, 'catgry').map((category) => ({ value: textOf(child(category, 'catValu')), label: textOf(child(category, 'labl')) }));
  return categories.length ? categories : undefined;
}

/**
 * Reads a DDI-Codebook 2.5 file into one codebook per wave (catalog order). All or nothing: any
 * problem throws a `CodebookImportError` naming the line and variable, and no codebook is returned.
 */
export function parseDdiCodebook(bytes: Uint8Array, fileName: string, options: CodebookParseOptions = {}): Codebook[] {
  const fallback = options.wave === undefined ? undefined : catalogWave(options.wave);
  if (options.wave !== undefined && !fallback) throw new CodebookImportError('unknownWave', fileName, { line: '-', wave: options.wave });
  const { text, encoding } = decodeCodebookBytes(bytes, fileName);
  const declared = /^\uFEFF?<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
  if (declared !== undefined && !ACCEPTED_DECLARATIONS[encoding].includes(declared.trim().toLowerCase())) {
    throw new CodebookImportError('encoding', fileName, { encoding: declared });
  }
  // Never resolved, so never needed: a DTD can only expand entities (billion laughs) or reach out (XXE).
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new CodebookImportError('doctype', fileName);
  const root = parseXml(text, fileName);
  if (root.localName !== 'codeBook') throw new CodebookImportError('notDdi', fileName, { root: root.nodeName });

  const files = new Map<string, XmlElement>();
  for (const fileDscr of children(root, 'fileDscr')) {
    const id = fileDscr.getAttribute('ID');
    if (id) files.set(id, fileDscr);
  }
  const fileWaves = new Map<string, WaveAnswer>();
  const waveOfFile = (id: string): WaveAnswer => {
    if (!fileWaves.has(id)) fileWaves.set(id, files.has(id) ? fileWave(files.get(id)!) : undefined);
    return fileWaves.get(id);
  };
  let study: { answer: WaveAnswer } | undefined;
  const waveOfStudy = (): WaveAnswer => (study ??= { answer: studyWave(root) }).answer;

  const collector = new CodebookCollector(fileName);
  for (const dataDscr of children(root, 'dataDscr')) {
    for (const variable of children(dataDscr, 'var')) {
      const line = lineOf(variable);
      const name = (variable.getAttribute('name') ?? '').trim();
      if (!name) throw new CodebookImportError('missingName', fileName, { line });
      const fileIds = (variable.getAttribute('files') ?? '').split(/\s+/).filter(Boolean);
      const answer = first(
        () => notesOfType(variable, DDI_WAVE_NOTE).map((note) => fromCell(textOf(note), lineOf(note))).find(Boolean),
        () => {
          const perFile = fileIds.map(waveOfFile);
          const unknown = perFile.find((item) => item && 'unknown' in item);
          if (unknown) return unknown;
          const waves = [...new Set(perFile.flatMap((item) => (item && 'waves' in item ? item.waves : [])))];
          return waves.length ? { waves } : undefined;
        },
        waveOfStudy,
        () => (fallback ? { waves: [fallback] } : undefined)
      );
      if (!answer) throw new CodebookImportError('noWave', fileName, { line, variable: name });
      if ('unknown' in answer) throw new CodebookImportError('unknownWave', fileName, { line: answer.line, wave: answer.unknown });
      const sensitiveNote = notesOfType(variable, DDI_SENSITIVE_NOTE)[0];
      const sensitive = sensitiveNote ? parseSensitive(textOf(sensitiveNote)) : false;
      if (sensitive === undefined) throw new CodebookImportError('sensitiveValue', fileName, { line: lineOf(sensitiveNote!), variable: name, value: textOf(sensitiveNote) });
      const categories = categoriesOf(variable);
      const entry: CodebookVariable = { name, label: variableLabel(variable), sensitive, ...(categories ? { categories } : {}) };
      for (const wave of answer.waves) collector.add(wave, entry, line);
    }
  }
  return collector.codebooks();
}
