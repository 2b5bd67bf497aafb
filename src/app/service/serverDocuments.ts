/**
 * The document registrations a command carries, rebuilt by the service from the files it stored: the
 * id, name, version, kind and phase from the library, the check summary and signatory from reading
 * and checking the file itself. A client's registration is only a pointer to a stored file; its
 * summary ("no blocking findings"), signatory or version are never taken on its word.
 */
import { DataError } from '../../data/errors';
import type { DocumentLibrary, StoredDocument } from '../../data/ports';
import type { Command } from '../../domain/commands';
import { checkContextFor, checkPhaseForDocumentPhase, isDocxName } from '../../domain/documentRules';
import { tableRefusals } from '../../domain/permissions';
import type { Actor, DocumentRegistration, Dossier, IsoDate, Project } from '../../domain/types';
import { projectFromForm, registrationOf } from '../formFacts';
import { checkDocx, type CheckedDocument, type CodebookLoader, type FormsEngineLoader } from '../formsEngine';
import { storedDocumentsIn } from './keptDocuments';

/** Ports the rebuild reads. */
export interface ServerDocumentDeps {
  readonly documents: Pick<DocumentLibrary, 'list' | 'download'>;
  readonly loadFormsEngine: FormsEngineLoader;
  readonly today: () => IsoDate;
  /** The survey codebooks the checks use (absent: checked as without codebooks). */
  readonly codebooks?: CodebookLoader;
}

/** The client's registrations of a command (empty for commands that register none). */
function registrationsIn(command: Command): readonly unknown[] {
  switch (command.type) {
    case 'registerDraftDocuments':
    case 'registerSignedDocuments':
      return Array.isArray(command.documents) ? command.documents : [];
    case 'countersign':
      return Array.isArray(command.documents) ? command.documents : [];
    case 'publish':
      return command.publicationDocument === undefined ? [] : [command.publicationDocument];
    default:
      return [];
  }
}

const lower = (value: string): string => value.toLowerCase();

/** The stored file a client's registration points at: by id, else by file name; or a 400. */
function storedFileOf(registration: unknown, stored: readonly StoredDocument[], reference: string): StoredDocument {
  const pointer = (registration ?? {}) as { id?: unknown; fileName?: unknown };
  const byId = typeof pointer.id === 'string' ? stored.find((document) => document.id === pointer.id) : undefined;
  const byName = typeof pointer.fileName === 'string' ? stored.find((document) => lower(document.fileName) === lower(pointer.fileName as string)) : undefined;
  const found = byId ?? byName;
  if (!found) throw new DataError('data.error.invalidInput', `A document the command registers is not stored in the folder of ${reference}.`, 400);
  return found;
}

/**
 * The command with every document registration rebuilt from the stored file (and, for draft
 * documents, the project as the stored application form states it). A command the workflow table
 * refuses to this actor anyway is returned as it is: `decide` refuses it without any file being read.
 */
export async function withServerDocuments(
  deps: ServerDocumentDeps,
  loadDossier: () => Promise<Dossier | undefined>,
  command: Command,
  actor: Actor
): Promise<Command> {
  const given = registrationsIn(command);
  if (given.length === 0) return command;
  const dossier = await loadDossier();
  if (!dossier || tableRefusals(dossier, command.type, actor).length > 0) return command;
  const stored = await storedDocumentsIn(deps.documents, dossier.reference);
  const context = { documents: [...dossier.documents, ...stored] };
  let application: CheckedDocument | undefined;
  const rebuilt: DocumentRegistration[] = [];
  for (const registration of given) {
    const file = storedFileOf(registration, stored, dossier.reference);
    let checked: CheckedDocument | undefined;
    if (isDocxName(file.fileName)) {
      const bytes = await deps.documents.download(dossier.reference, file.fileName);
      const phase = checkPhaseForDocumentPhase(file.phase ?? 'draft');
      checked = await checkDocx(await deps.loadFormsEngine(), bytes, file.fileName, checkContextFor(context, deps.today(), phase), deps.codebooks);
    }
    const registered = registrationOf(file, checked);
    if (!registered) throw new DataError('data.error.invalidInput', `A document the command registers in ${dossier.reference} has no known kind.`, 400);
    if (registered.kind === 'aanvraagformulier' && checked) application = checked;
    rebuilt.push(Object.fromEntries(Object.entries(registered).filter(([, value]) => value !== undefined)) as unknown as DocumentRegistration);
  }
  switch (command.type) {
    case 'registerDraftDocuments': {
      // Without a stored application form the dossier keeps its registered project (as the register does).
      const project: Project | undefined = projectFromForm(application?.form);
      return { ...command, documents: rebuilt, project };
    }
    case 'registerSignedDocuments':
      return { ...command, documents: rebuilt };
    case 'countersign':
      return { ...command, documents: rebuilt };
    case 'publish':
      return { ...command, publicationDocument: rebuilt[0] };
    default:
      return command;
  }
}
