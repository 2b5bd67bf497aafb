/**
 * The document registrations a command carries, rebuilt by the service from the files it stored: the
 * id, name, version, kind and phase from the library, the check summary and signatory from reading
 * and checking the file itself. A client's registration is only a pointer to a stored file; its
 * summary ("no blocking findings"), signatory or version are never taken on its word. Registering
 * drafts or signed documents also carries what the stored forms state is requested
 * (`requestedDataFromChecked`); a client's `requestedData` is replaced, never read. Registering
 * drafts also carries one review per document (`findingReviews.ts`: automatic findings, readability,
 * fields changed since the previous draft of the kind); a client's `reviews` are replaced, never read.
 * Registering signed documents carries each file's signature report (`SignatureVerifier`, from the
 * stored bytes) and the institution's register entry (`InstitutionDirectory`); a client's reports and
 * institution are replaced, never read.
 */
import { DataError } from '../../data/errors';
import type { DocumentLibrary, RegisterRow, StoredDocument } from '../../data/ports';
import { scopeFactsForChecks } from '../scopeInForce';
import type { Command } from '../../domain/commands';
import { checkContextFor, checkPhaseForDocumentPhase, isDocxName } from '../../domain/documentRules';
import { tableRefusals } from '../../domain/permissions';
import type { Actor, DocumentRegistration, Dossier, IsoDate, Project, RequestedData } from '../../domain/types';
import { fallbackDocuments, inheritedRequestedData, projectFromForm, registrationOf, requestedDataFromChecked, type FormOfDocument } from '../formFacts';
import { checkDocx, type CheckedDocument, type CodebookLoader, type FormsEngineLoader } from '../formsEngine';
import { documentVersionReview, previousDraftForm } from '../findingReviews';
import type { DocumentVersionReview } from '../../domain/findings';
import { isFormReadError } from '../../forms/errors';
import { storedDocumentsIn } from './keptDocuments';
import { institutionOfDossier, type InstitutionDirectory, type SignatureVerifier } from '../signatureVerification';
import { nextDraftVersion, reviewedKinds } from '../../domain/findings';

/** Ports the rebuild reads. */
export interface ServerDocumentDeps {
  readonly documents: Pick<DocumentLibrary, 'list' | 'download'>;
  readonly loadFormsEngine: FormsEngineLoader;
  readonly today: () => IsoDate;
  /** The survey codebooks the checks use (absent: checked as without codebooks). */
  readonly codebooks?: CodebookLoader;
  /** Another dossier as stored (a simplified request's protocol dossier, whose requested data it inherits). */
  readonly dossierOf?: (reference: string) => Promise<Dossier | undefined>;
  /**
   * The register rows of a protocol's chain: with `dossierOf`, a simplified request's forms are checked
   * against the scope in force of its protocol, as the register checks them (absent: without it).
   */
  readonly protocolRows?: (protocolNumber: string) => Promise<readonly RegisterRow[]>;
  /**
   * Verifies the electronic signatures of signed documents (absent: registered without a report, which
   * the signed-set rule shows as "not verified").
   */
  readonly signatures?: SignatureVerifier;
  /** The institution register the signers are matched against (absent: no institution, so no signatory is known). */
  readonly institutions?: InstitutionDirectory;
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

/** A command without what only the service computes: a draft registration's `reviews`, a signed one's `institution`. */
function withoutClientReviews(command: Command): Command {
  const computed = command.type === 'registerDraftDocuments' ? 'reviews' : command.type === 'registerSignedDocuments' ? 'institution' : undefined;
  if (!computed || !(computed in command)) return command;
  const rest: Record<string, unknown> = { ...command };
  delete rest[computed];
  return rest as unknown as Command;
}

/**
 * The command with every document registration rebuilt from the stored file (and, for draft
 * documents, the project as the stored application form states it). A command the workflow table
 * refuses to this actor anyway is returned as it is: `decide` refuses it without any file being read.
 */
export async function withServerDocuments(
  deps: ServerDocumentDeps,
  loadDossier: () => Promise<Dossier | undefined>,
  requested: Command,
  actor: Actor
): Promise<Command> {
  const command = withoutClientReviews(requested);
  const given = registrationsIn(command);
  if (given.length === 0) return command;
  const dossier = await loadDossier();
  if (!dossier || tableRefusals(dossier, command.type, actor).length > 0) return command;
  const stored = await storedDocumentsIn(deps.documents, dossier.reference);
  const scopeInForce = deps.protocolRows && deps.dossierOf
    ? await scopeFactsForChecks(dossier, { rowsByProtocolNumber: deps.protocolRows, loadDossier: deps.dossierOf })
    : undefined;
  const context = { documents: [...dossier.documents, ...stored], ...(scopeInForce ? { scopeInForce } : {}) };
  let application: CheckedDocument | undefined;
  const rebuilt: DocumentRegistration[] = [];
  const forms: FormOfDocument[] = [];
  const reviews: DocumentVersionReview[] = [];
  const drafts = command.type === 'registerDraftDocuments';
  const verified = command.type === 'registerSignedDocuments' && deps.signatures !== undefined;
  for (const registration of given) {
    const file = storedFileOf(registration, stored, dossier.reference);
    let checked: CheckedDocument | undefined;
    let bytes: Uint8Array | undefined;
    if (isDocxName(file.fileName)) {
      bytes = await deps.documents.download(dossier.reference, file.fileName);
      const phase = checkPhaseForDocumentPhase(file.phase ?? 'draft');
      try {
        checked = await checkDocx(await deps.loadFormsEngine(), bytes, file.fileName, checkContextFor(context, deps.today(), phase), deps.codebooks);
      } catch (error) {
        // A draft the reader cannot read is still registered: its review says so and moves no finding.
        if (!(drafts && isFormReadError(error))) throw error;
      }
    }
    const known = registrationOf(file, checked);
    if (!known) throw new DataError('data.error.invalidInput', `A document the command registers in ${dossier.reference} has no known kind.`, 400);
    // The report that counts: computed here from the stored bytes (any file type: the verifier reports what it cannot read).
    const registered: DocumentRegistration = verified
      ? { ...known, signatures: await deps.signatures!.verify(bytes ?? (await deps.documents.download(dossier.reference, file.fileName)), file.fileName) }
      : known;
    // Only forms take part in the review loop: a mandate or a scan of one is no "unreadable version".
    if (drafts && reviewedKinds.includes(registered.kind)) {
      const previous = checked
        ? await previousDraftForm({ documents: deps.documents, engine: await deps.loadFormsEngine() }, dossier, stored, registered.kind)
        : undefined;
      const version = nextDraftVersion([...dossier.documents, ...rebuilt.map((document) => ({ kind: document.kind }))], registered.kind);
      reviews.push(documentVersionReview({ kind: registered.kind, id: registered.id, version }, checked, previous));
    }
    if (registered.kind === 'aanvraagformulier' && checked) application = checked;
    if (checked) forms.push({ document: { ...registered, phase: file.phase ?? 'draft' }, form: checked.form });
    rebuilt.push(Object.fromEntries(Object.entries(registered).filter(([, value]) => value !== undefined)) as unknown as DocumentRegistration);
  }
  switch (command.type) {
    case 'registerDraftDocuments': {
      // Without a stored application form the dossier keeps its registered project (as the register does).
      const project: Project | undefined = projectFromForm(application?.form);
      return { ...command, documents: rebuilt, project, requestedData: await requestedDataOfRegistration(deps, dossier, stored, forms), reviews };
    }
    case 'registerSignedDocuments': {
      const institution = deps.institutions ? await institutionOfDossier(deps.institutions, dossier) : undefined;
      return {
        ...command, documents: rebuilt, requestedData: await requestedDataOfRegistration(deps, dossier, stored, forms),
        ...(institution ? { institution } : {})
      };
    }
    case 'countersign':
      return { ...command, documents: rebuilt };
    case 'publish':
      return { ...command, publicationDocument: rebuilt[0] };
    default:
      return command;
  }
}

/**
 * What the registered forms state is requested, falling back on the dossier's current forms of the
 * requesting kinds the command does not register (read at their registered version, so a newer file
 * not registered yet does not speak for the dossier). undefined leaves the dossier's earlier values.
 */
async function requestedDataOfRegistration(
  deps: ServerDocumentDeps,
  dossier: Dossier,
  stored: readonly StoredDocument[],
  registered: readonly FormOfDocument[]
): Promise<RequestedData | undefined> {
  const engine = await deps.loadFormsEngine();
  const current: FormOfDocument[] = [];
  for (const document of fallbackDocuments(dossier, registered.map((entry) => entry.form.formType ?? entry.document.kind))) {
    const file = stored.find((candidate) => candidate.id === document.id) ?? stored.find((candidate) => lower(candidate.fileName) === lower(document.fileName));
    // A registered form whose file left the folder has nothing to read; the registered forms still speak.
    if (!file || !isDocxName(file.fileName)) continue;
    const bytes = await deps.documents.download(dossier.reference, file.fileName, file.version === document.version ? undefined : document.version);
    current.push({ document, form: await engine.readForm(bytes, file.fileName) });
  }
  const inherited = await inheritedRequestedData(dossier, deps.dossierOf ?? (async () => undefined));
  return requestedDataFromChecked(engine, registered, current, inherited);
}
