/**
 * The document rules every host needs the same answer to: which phase a form is checked as in a
 * state, which stored documents a command may reference, which document the publication version is
 * made from, and whether the dossier holds a mandate. The register, the mail intake and the Word
 * add-in call these instead of deciding on their own.
 */
import type { ScopeInForceFacts } from './scope';
import type { CommandType, DocumentKind, DocumentPhase, IsoDate, StateId } from './types';

/** The phase a form is checked as: its rules differ for an unsigned draft and a signed version. */
export type CheckPhase = 'draft' | 'signed';

/**
 * States in which the forms that arrive are the signed versions: once the decision is positive
 * (procedure step 4) and later. Before that, and without a dossier, a form is a draft.
 */
const SIGNED_CHECK_STATES: ReadonlySet<StateId> = new Set<StateId>([
  'awaitingSignatures',
  'awaitingCountersignature',
  'signed',
  'published',
  'delivered'
]);

/** The phase a form is checked as in a dossier state: `signed` from the positive decision on, else `draft`. */
export function checkPhaseForState(state: StateId | undefined): CheckPhase {
  return state !== undefined && SIGNED_CHECK_STATES.has(state) ? 'signed' : 'draft';
}

/** The document phase each registering command takes its documents from. */
const PHASE_OF_COMMAND: Partial<Readonly<Record<CommandType, DocumentPhase>>> = {
  registerDraftDocuments: 'draft',
  registerSignedDocuments: 'signed',
  countersign: 'countersigned',
  publish: 'publication',
  confirmDestruction: 'closeOut'
};

/** The phase of the documents a command registers; undefined for commands that register none. */
export function documentPhaseForCommand(command: CommandType): DocumentPhase | undefined {
  return PHASE_OF_COMMAND[command];
}

/**
 * The stored documents a command may reference: those of its phase. The mandate (volmacht) proof is
 * registered with the signed documents whatever phase it was stored under, because it arrives with
 * the signatures but is not itself a signed form.
 */
export function documentsForCommand<T extends { kind?: DocumentKind; phase?: DocumentPhase }>(command: CommandType, documents: readonly T[]): T[] {
  const phase = documentPhaseForCommand(command);
  if (!phase) return [];
  return documents.filter((document) => document.phase === phase || (phase === 'signed' && document.kind === 'mandate'));
}

/** True for a Word document by its name: the file type the forms engine reads and checks. */
export function isDocxName(fileName: string): boolean {
  return /\.docx$/i.test(fileName);
}

/**
 * The document the publication version (step 5) is made from: the countersigned original as the
 * dossier registered it (a signed PDF or a Word document), the protocol or addendum when there is one,
 * else the first countersigned PDF or Word document. Pass the registered documents (superseded ones
 * left out), not the folder's files: an upload that was never registered is no countersigned original.
 */
export function publicationSource<T extends { kind?: DocumentKind; phase?: DocumentPhase; fileName: string; superseded?: boolean }>(documents: readonly T[]): T | undefined {
  const countersigned = documents.filter((document) => document.phase === 'countersigned' && document.superseded !== true && (isDocxName(document.fileName) || /\.pdf$/i.test(document.fileName)));
  return countersigned.find((document) => document.kind === 'protocol' || document.kind === 'addendum') ?? countersigned[0];
}

/** True when the dossier holds a mandate (volmacht) document, so a delegate's signature is covered. */
export function hasMandateDocument(documents: readonly { kind?: DocumentKind }[]): boolean {
  return documents.some((document) => document.kind === 'mandate');
}

/** What a form check needs to know about the dossier; assignable to the forms engine's `CheckContext`. */
export interface DocumentCheckContext {
  readonly phase: CheckPhase;
  readonly today: IsoDate;
  readonly hasMandateDocument: boolean;
  /** A simplified dossier's forms: the scope in force of its protocol, when the caller knows it. */
  readonly scopeInForce?: ScopeInForceFacts;
}

/**
 * The check context of a form for a dossier: the phase from its state (or the one asked for), the
 * mandate from its documents, today, and the scope in force of its protocol when the caller gives it
 * (the register, for a simplified dossier). Without a dossier: a draft, no mandate, no scope.
 */
export function checkContextFor(
  dossier: { readonly state?: StateId; readonly documents?: readonly { kind?: DocumentKind }[]; readonly scopeInForce?: ScopeInForceFacts } | undefined,
  today: IsoDate,
  phase: CheckPhase = checkPhaseForState(dossier?.state)
): DocumentCheckContext {
  return { phase, today, hasMandateDocument: hasMandateDocument(dossier?.documents ?? []), ...(dossier?.scopeInForce ? { scopeInForce: dossier.scopeInForce } : {}) };
}

/** A file type the dossier library accepts: Word forms are read and checked, PDFs stored as they are. */
export interface DocumentFileType {
  readonly type: 'docx' | 'pdf';
  readonly extension: string;
  readonly contentType: string;
}

/** The file types a dossier accepts (register upload, mail intake), as data. */
export const DOCUMENT_FILE_TYPES: readonly DocumentFileType[] = [
  { type: 'docx', extension: '.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  { type: 'pdf', extension: '.pdf', contentType: 'application/pdf' }
];

/**
 * The accepted file type of a file by its name, else by its content type (a mail attachment may
 * carry a name without extension); undefined when the dossier does not accept it.
 */
export function documentFileTypeOf(fileName: string, contentType?: string): DocumentFileType | undefined {
  const name = fileName.toLowerCase();
  return (
    DOCUMENT_FILE_TYPES.find((fileType) => name.endsWith(fileType.extension)) ??
    DOCUMENT_FILE_TYPES.find((fileType) => contentType !== undefined && contentType.toLowerCase() === fileType.contentType)
  );
}

/** The phase a form stored under a document phase is checked as: only drafts are checked as unsigned. */
export function checkPhaseForDocumentPhase(phase: DocumentPhase): CheckPhase {
  return phase === 'draft' ? 'draft' : 'signed';
}

/**
 * Phases whose files are evidence (signatures, the countersignature, what was published): a later
 * upload never replaces them, so their bytes stay exactly as signed.
 */
const KEPT_PHASES: ReadonlySet<DocumentPhase> = new Set<DocumentPhase>(['signed', 'countersigned', 'publication']);

/** True when a stored file of this phase is never overwritten by a new upload. */
export function isKeptPhase(phase: DocumentPhase | undefined): boolean {
  return phase !== undefined && KEPT_PHASES.has(phase);
}

/** `verslag.docx` → `verslag (2).docx`; a name without extension gets the suffix at the end. */
function numberedName(fileName: string, index: number): string {
  const dot = fileName.lastIndexOf('.');
  if (dot <= 0) return `${fileName} (${index})`;
  return `${fileName.slice(0, dot)} (${index})${fileName.slice(dot)}`;
}

/**
 * The name a new upload is stored under so that signed, countersigned and publication documents are
 * never overwritten: the name asked for, unless a file of that name exists (names compare as the
 * library does, case-insensitively) and either that file is kept evidence or the new file is itself
 * signed, countersigned or a publication version; then the first free `<base> (n).<ext>` from 2 on.
 * A draft over a draft keeps its name: the library then stores a new version of it, as before.
 */
export function keptFileName(
  fileName: string,
  phase: DocumentPhase,
  existing: readonly { readonly fileName: string; readonly phase?: DocumentPhase }[]
): string {
  const key = (name: string): string => name.toLowerCase();
  const same = existing.find((document) => key(document.fileName) === key(fileName));
  if (!same || (!isKeptPhase(same.phase) && !isKeptPhase(phase))) return fileName;
  const taken = new Set(existing.map((document) => key(document.fileName)));
  for (let index = 2; ; index++) {
    const candidate = numberedName(fileName, index);
    if (!taken.has(key(candidate))) return candidate;
  }
}

const documentKindTable: Readonly<Record<DocumentKind, true>> = {
  aanvraagformulier: true,
  verklaringTOM: true,
  protocol: true,
  vereenvoudigdAanvraagformulier: true,
  addendum: true,
  mandate: true,
  publicationVersion: true,
  destructionStatement: true
};
const documentPhaseTable: Readonly<Record<DocumentPhase, true>> = { draft: true, signed: true, countersigned: true, publication: true, closeOut: true };

/** Every document kind (the library's `Soort document` choices). */
export const DOCUMENT_KINDS = Object.keys(documentKindTable) as readonly DocumentKind[];
/** Every document phase (the library's `Fase` choices). */
export const DOCUMENT_PHASES = Object.keys(documentPhaseTable) as readonly DocumentPhase[];

/** True for a known document kind (input from a request or a column). */
export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(documentKindTable, value);
}

/** True for a known document phase. */
export function isDocumentPhase(value: unknown): value is DocumentPhase {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(documentPhaseTable, value);
}

/** The longest file name a dossier document may have (the folder's path stays well within SharePoint's 400 characters). */
export const MAX_DOCUMENT_FILE_NAME = 200;

/**
 * Whether a name may name a file of a dossier's folder: not empty, at most 200 characters, none of the
 * characters SharePoint refuses (`" * : < > ? / \ |`), no control character (C0 or DEL), no leading or
 * trailing dot — one file in the dossier's own folder, never a path out of it.
 */
export function isValidDocumentFileName(name: string): boolean {
  if (name.trim().length === 0 || name.length > MAX_DOCUMENT_FILE_NAME) return false;
  if (/["*:<>?/\\|]/.test(name) || name.startsWith('.') || name.endsWith('.')) return false;
  return ![...name].some((character) => character.charCodeAt(0) < 0x20 || character.charCodeAt(0) === 0x7f);
}
