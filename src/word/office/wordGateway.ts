/// <reference types="office-js" />
/**
 * The one thin adapter around office-js. Every office-js call of the add-in is in this file; the rest
 * of the add-in sees plain data (`../gateway/types`). Each method queues its loads first and syncs
 * once (split-loop pattern), so the number of round trips does not grow with the document.
 */
import type {
  CommentOutcome,
  CommentRequest,
  CommentSnapshot,
  ControlSnapshot,
  CustomXmlWrite,
  NewCellControl,
  RangeTarget,
  ReadOptions,
  WordGateway,
  WordReadResult
} from '../gateway/types';

/** Runs a batch against Word: `Word.run` in Office, a fake in tests. */
export type WordBatchRunner = <T>(batch: (context: Word.RequestContext) => Promise<T>) => Promise<T>;

/** Answers requirement-set questions: `Office.context.requirements` in Office, a fake in tests. */
export interface RequirementChecker {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Longest text `search` accepts (office-js `Body.search` docs). */
const MAX_SEARCH_LENGTH = 255;

/** `^` starts a special search code in Word; a literal caret is written `^^`. Cuts at 255 characters. */
export function toSearchText(text: string): string {
  let result = '';
  for (const char of text.trim()) {
    const piece = char === '^' ? '^^' : char;
    if (result.length + piece.length > MAX_SEARCH_LENGTH) break;
    result += piece;
  }
  return result;
}

/** What the gateway runs against; each part defaults to the global office-js provides. */
export interface WordHost {
  readonly run: WordBatchRunner;
  readonly requirements: RequirementChecker;
  /** The document's URL or path (`Office.context.document.url`); may be empty for a new document. */
  readonly documentUrl: () => string;
}

/** The real host: `Word.run`, `Office.context.requirements`, `Office.context.document.url`. */
export function officeHost(): WordHost {
  return {
    run: (batch) => Word.run(batch),
    requirements: Office.context.requirements,
    documentUrl: () => Office.context.document.url ?? ''
  };
}

/** The file name part of a document URL or path, or a default for unsaved documents. */
export function fileNameOf(url: string): string {
  const last = url.split(/[\\/]/).pop() ?? '';
  const clean = last.split(/[?#]/)[0];
  try {
    return decodeURIComponent(clean) || 'document.docx';
  } catch {
    return clean || 'document.docx';
  }
}

/** Creates the gateway over a host (the real one by default). */
export function createWordGateway(host: WordHost = officeHost()): WordGateway {
  const { run, requirements } = host;
  return {
    isSetSupported: (name, version) => requirements.isSetSupported(name, version),
    documentName: () => fileNameOf(host.documentUrl()),
    read: (options) => run((context) => readDocument(context, options)),
    select: (target) => run((context) => selectTarget(context, target)),
    insertComments: (requests, part) => run((context) => insertComments(context, requests, part)),
    insertCommentOnSelection: (text) => run((context) => insertCommentOnSelection(context, text)),
    listComments: () => run(async (context) => (await readComments(context, undefined)).comments),
    readComments: (namespace) => run((context) => readComments(context, namespace)),
    setCommentsResolved: (ids, resolved) => run((context) => setCommentsResolved(context, ids, resolved)),
    readCustomXml: (namespace) => run((context) => readCustomXml(context, namespace)),
    writeCustomXml: (namespace, xml) => run((context) => writeCustomXml(context, namespace, xml)),
    deleteComments: (ids) => run((context) => deleteComments(context, ids)),
    setControlTexts: (texts) => run((context) => setControlTexts(context, texts)),
    insertRowAfter: (controlId, cells) => run((context) => insertRowAfter(context, controlId, cells))
  };
}

async function readDocument(context: Word.RequestContext, options: ReadOptions): Promise<WordReadResult> {
  const body = context.document.body;
  const properties = context.document.properties.customProperties;
  properties.load('key,value');
  const controls = body.contentControls;
  controls.load('id,tag,title,text,placeholderText');
  const comments = options.withComments ? body.getComments() : undefined;
  comments?.load('id,content,resolved');
  const part = options.withComments && options.customXmlNamespace ? queueCustomXmlPart(context, options.customXmlNamespace) : undefined;
  await context.sync();

  const controlSnapshots: ControlSnapshot[] = controls.items.map((control) => ({
    id: control.id,
    tag: control.tag ?? '',
    title: control.title ?? '',
    text: control.text ?? '',
    placeholderText: control.placeholderText ?? ''
  }));
  const customProperties: Record<string, string> = {};
  for (const property of properties.items) customProperties[property.key] = String(property.value ?? '');

  // The second round trip (only when needed) fetches together: the comments' fields, the review
  // part's XML, and the body's OOXML for forms without field controls.
  const parents = comments ? queueCommentControls(comments.items) : [];
  const xml = part && !part.isNullObject ? part.getXml() : undefined;
  const ooxml = options.needsBody(controlSnapshots) ? body.getOoxml() : undefined;
  if (parents.length > 0 || xml || ooxml) await context.sync();
  const commentSnapshots = comments?.items.map((comment, index) => toCommentSnapshot(comment, parents[index]));
  return {
    customProperties,
    controls: controlSnapshots,
    comments: commentSnapshots,
    bodyOoxml: ooxml?.value,
    ...(xml ? { customXml: xml.value } : {})
  };
}

/** Queues, per comment, the content control its range lies in (`id` loaded; null outside a control). */
function queueCommentControls(comments: readonly Word.Comment[]): Word.ContentControl[] {
  return comments.map((comment) => {
    const control = comment.getRange().parentContentControlOrNullObject;
    control.load('id');
    return control;
  });
}

function toCommentSnapshot(comment: Word.Comment, control?: Word.ContentControl): CommentSnapshot {
  const snapshot = { id: comment.id, text: comment.content ?? '', resolved: comment.resolved === true };
  return control && !control.isNullObject ? { ...snapshot, controlId: control.id } : snapshot;
}

/** Queues the lookup of the one custom XML part of a namespace (null when absent). */
function queueCustomXmlPart(context: Word.RequestContext, namespace: string): Word.CustomXmlPart {
  const part = context.document.customXmlParts.getByNamespace(namespace).getOnlyItemOrNullObject();
  part.load('id');
  return part;
}

/** A queued lookup of a target: either a range-bearing proxy to check for null, or not found. */
interface ResolvedTarget {
  readonly isMissing: () => boolean;
  readonly range: () => Word.Range;
}

function resolveTarget(context: Word.RequestContext, target: RangeTarget): ResolvedTarget {
  const body = context.document.body;
  switch (target.kind) {
    case 'control': {
      const control = body.contentControls.getByIdOrNullObject(target.controlId);
      control.load('id');
      return { isMissing: () => control.isNullObject, range: () => control.getRange('Whole') };
    }
    case 'search': {
      const text = toSearchText(target.text);
      if (text.length === 0) return { isMissing: () => true, range: () => body.getRange('Start') };
      const found = body.search(text, { matchCase: false }).getFirstOrNullObject();
      found.load('isEmpty');
      return { isMissing: () => found.isNullObject, range: () => found };
    }
    case 'documentStart': {
      const first = body.paragraphs.getFirst();
      return { isMissing: () => false, range: () => first.getRange('Whole') };
    }
  }
}

async function selectTarget(context: Word.RequestContext, target: RangeTarget): Promise<boolean> {
  const resolved = resolveTarget(context, target);
  await context.sync();
  if (resolved.isMissing()) return false;
  resolved.range().select();
  await context.sync();
  return true;
}

async function insertComments(
  context: Word.RequestContext,
  requests: readonly CommentRequest[],
  write?: CustomXmlWrite
): Promise<CommentOutcome[]> {
  if (requests.length === 0 && !write) return [];
  const resolved = requests.map((request) => resolveTarget(context, request.target));
  const part = write ? queueCustomXmlPart(context, write.namespace) : undefined;
  await context.sync();
  const inserted = requests.map((request, index) => {
    if (resolved[index].isMissing()) return undefined;
    const comment = resolved[index].range().insertComment(request.text);
    comment.load('id');
    return comment;
  });
  if (part && write) writePart(context, part, write.xml);
  if (write || inserted.some((comment) => comment !== undefined)) await context.sync();
  return inserted.map((comment) =>
    comment ? { status: 'inserted', commentId: comment.id } : { status: 'targetNotFound' }
  );
}

/** Replaces the part's XML, or adds the part when the lookup found none. */
function writePart(context: Word.RequestContext, part: Word.CustomXmlPart, xml: string): void {
  if (part.isNullObject) context.document.customXmlParts.add(xml);
  else part.setXml(xml);
}

async function insertCommentOnSelection(context: Word.RequestContext, text: string): Promise<string> {
  const comment = context.document.getSelection().insertComment(text);
  comment.load('id');
  await context.sync();
  return comment.id;
}

async function readComments(context: Word.RequestContext, namespace: string | undefined): Promise<{ comments: CommentSnapshot[]; customXml?: string }> {
  const comments = context.document.body.getComments();
  comments.load('id,content,resolved');
  const part = namespace === undefined ? undefined : queueCustomXmlPart(context, namespace);
  await context.sync();
  const parents = queueCommentControls(comments.items);
  const xml = part && !part.isNullObject ? part.getXml() : undefined;
  if (parents.length > 0 || xml) await context.sync();
  return {
    comments: comments.items.map((comment, index) => toCommentSnapshot(comment, parents[index])),
    ...(xml ? { customXml: xml.value } : {})
  };
}

async function setCommentsResolved(context: Word.RequestContext, ids: readonly string[], resolved: boolean): Promise<number> {
  if (ids.length === 0) return 0;
  const wanted = new Set(ids);
  const comments = context.document.body.getComments();
  comments.load('id,resolved');
  await context.sync();
  const changed = comments.items.filter((comment) => wanted.has(comment.id));
  for (const comment of changed) comment.resolved = resolved;
  if (changed.length > 0) await context.sync();
  return changed.length;
}

async function readCustomXml(context: Word.RequestContext, namespace: string): Promise<string | undefined> {
  const part = queueCustomXmlPart(context, namespace);
  await context.sync();
  if (part.isNullObject) return undefined;
  const xml = part.getXml();
  await context.sync();
  return xml.value;
}

async function writeCustomXml(context: Word.RequestContext, namespace: string, xml: string): Promise<void> {
  const part = queueCustomXmlPart(context, namespace);
  await context.sync();
  writePart(context, part, xml);
  await context.sync();
}

async function deleteComments(context: Word.RequestContext, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const wanted = new Set(ids);
  const comments = context.document.body.getComments();
  comments.load('id');
  await context.sync();
  const doomed = comments.items.filter((comment) => wanted.has(comment.id));
  for (const comment of doomed) comment.delete();
  if (doomed.length > 0) await context.sync();
  return doomed.length;
}

async function setControlTexts(context: Word.RequestContext, texts: ReadonlyMap<number, string>): Promise<boolean> {
  if (texts.size === 0) return true;
  const controls = [...texts.keys()].map((id) => {
    const control = context.document.body.contentControls.getByIdOrNullObject(id);
    control.load('id');
    return control;
  });
  await context.sync();
  // All or nothing: a row half replaced would pair a name with another row's justification.
  if (controls.some((control) => control.isNullObject)) return false;
  controls.forEach((control, index) => control.insertText([...texts.values()][index], 'Replace'));
  await context.sync();
  return true;
}

async function insertRowAfter(context: Word.RequestContext, controlId: number, cells: readonly NewCellControl[]): Promise<boolean> {
  const control = context.document.body.contentControls.getByIdOrNullObject(controlId);
  control.load('id');
  const cell = control.parentTableCellOrNullObject;
  cell.load('cellIndex');
  await context.sync();
  if (control.isNullObject || cell.isNullObject) return false;
  // The new row copies the row's formatting but not its content controls: each cell gets a new one.
  const row = cell.parentRow.insertRows('After', 1, [cells.map((item) => item.text)]).getFirst();
  const newCells = row.cells;
  newCells.load('value');
  await context.sync();
  cells.forEach((item, index) => {
    const target = newCells.items[index];
    if (!target) return;
    const created = target.body.insertContentControl();
    created.tag = item.tag;
    created.title = item.title;
    created.placeholderText = item.placeholderText;
  });
  await context.sync();
  return true;
}
