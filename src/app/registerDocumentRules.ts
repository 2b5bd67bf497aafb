/**
 * Interim copies of the document rules `src/domain/documentRules.ts` will hold (same names and
 * signatures, written on branch wp/docs); removed when that branch is merged.
 */
import type { CommandType, DocumentKind, DocumentPhase } from '../domain/types';

const phaseOfCommand: Partial<Record<CommandType, DocumentPhase>> = {
  registerDraftDocuments: 'draft',
  registerSignedDocuments: 'signed',
  countersign: 'countersigned',
  publish: 'publication'
};

/** The phase of the documents a registering command references. */
export function documentPhaseForCommand(command: CommandType): DocumentPhase | undefined {
  return phaseOfCommand[command];
}

/** The stored documents a command may reference; a mandate counts as signed. */
export function documentsForCommand<T extends { kind?: DocumentKind; phase?: DocumentPhase }>(command: CommandType, documents: readonly T[]): T[] {
  const phase = documentPhaseForCommand(command);
  if (!phase) return [];
  return documents.filter((d) => d.phase === phase || (phase === 'signed' && d.kind === 'mandate'));
}

/** The countersigned Word document the publication version is made from: the protocol or addendum first. */
export function publicationSource<T extends { kind?: DocumentKind; phase?: DocumentPhase; fileName: string }>(documents: readonly T[]): T | undefined {
  const countersigned = documents.filter((d) => d.phase === 'countersigned' && /\.docx$/i.test(d.fileName));
  return countersigned.find((d) => d.kind === 'protocol' || d.kind === 'addendum') ?? countersigned[0];
}

/** True when the dossier holds a mandate (a form signed by a mandated person is then in order). */
export function hasMandateDocument(documents: readonly { kind?: DocumentKind }[]): boolean {
  return documents.some((d) => d.kind === 'mandate');
}
