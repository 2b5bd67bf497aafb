/**
 * The inputs each command's dialog asks for, as data, and the translation of the filled-in values
 * into the domain's command payload. Which commands exist and who may give them comes from the
 * workflow table (`allowedCommands`); whether the values are acceptable is decided by the domain's
 * guards, whose refusals the dialog shows. Nothing here re-checks a business rule.
 */
import { simplifiedReasonLabel, procedureLabel } from '../../domain/labels';
import { simplifiedReasons } from '../../domain/rules/simplified';
import type { Command } from '../../domain/commands';
import type { Actor, CommandType, CorrespondenceEntry, DocumentRegistration, IsoDate, Lang, ParentProtocolRef, ProcedureId, SimplifiedReason } from '../../domain/types';
import { mailConfirmsDestruction } from '../../domain/rules/destructionEvidence';
import { openRequesterFindings, type DossierFinding } from '../../domain/findings';
import type { UiStringKey, UiStrings } from '../strings';

/**
 * Commands given through a dialog of the dossier panel: all but `registerRequest` (its own dialog) and
 * `recordCorrespondence` (recorded by the mail intake from the actual mail, never typed by hand).
 */
export type DialogCommand = Exclude<CommandType, 'registerRequest' | 'recordCorrespondence' | NonDialogCommand>;

/** Commands given from their own views (the findings list, the conditions follow-up, a signature warning in the documents section), not a generic dialog. */
type NonDialogCommand = 'recordFindings' | 'changeFindingStatus' | 'recordConditionMet' | 'acceptSignatureWarning';
const nonDialogCommands: readonly CommandType[] = ['registerRequest', 'recordCorrespondence', 'recordFindings', 'changeFindingStatus', 'recordConditionMet', 'acceptSignatureWarning'];

/**
 * Commands whose input is structured and that have a dialog of their own: the advice per criterion
 * (`AdviceDialog`), the decision with its conditions (`DecideDialog`) and the delivery with its waves,
 * channel and checksums (`DeliveryDialog`, issue 16). The panel opens those instead
 * of the generic dialog; they send their payload themselves (`adviceCommand`, `decidePayload`).
 */
export const ownDialogCommands = ['giveAdvice', 'decide', 'registerDelivery'] as const;
export type OwnDialogCommand = (typeof ownDialogCommands)[number];
/** Commands the generic `CommandDialog` asks inputs for. */
export type GenericDialogCommand = Exclude<DialogCommand, OwnDialogCommand>;

/** True for a command with a dialog of its own. */
export function hasOwnDialog(command: DialogCommand): command is OwnDialogCommand {
  return (ownDialogCommands as readonly string[]).includes(command);
}

/** True for a command the panel offers through a dialog. */
export function isDialogCommand(command: CommandType): command is DialogCommand {
  return !nonDialogCommands.includes(command);
}

/** Kinds of input a command dialog renders. */
export type InputKind = 'text' | 'multiline' | 'choice' | 'multiChoice' | 'checkbox' | 'documents' | 'document'
  /** The open requester findings a return sends, grouped by document and field (shown, not edited). */
  | 'requesterFindings'
  /** One override reason per open requester finding (values `findingOverride:<id>`). */
  | 'findingOverrides';

/** Values the dialog holds, by input name. */
export type CommandValues = Readonly<Record<string, string | readonly string[] | boolean | undefined>>;

/** Facts the dialog offers as options or prefills (looked up by the caller). */
export interface CommandDialogContext {
  readonly statisticians: readonly Actor[];
  /** Documents the dossier holds that a registering command may reference. */
  readonly documents: readonly DocumentRegistration[];
  /** Suggested number for `countersign` (next protocol or addendum number). */
  readonly suggestedNumber?: string;
  /** The dossier's findings (the return and deliberation dialogs list the open requester ones). */
  readonly findings?: readonly DossierFinding[];
  /** The dossier's recorded mails (the destruction can be confirmed by a received one). */
  readonly correspondence?: readonly CorrespondenceEntry[];
  /** The dossier's delivery date: only mails received on or after it can confirm the destruction. */
  readonly deliveredOn?: IsoDate;
  readonly lang: Lang;
  readonly strings: UiStrings;
  /** The user's text for an unexpected failure (the host renders it in the user's language). */
  readonly describeFailure: (error: unknown) => string;
}

/** One option of a choice input. */
export interface InputOption {
  readonly key: string;
  readonly text: string;
}

/** One input of a command dialog. */
export interface InputSpec {
  readonly name: string;
  readonly kind: InputKind;
  readonly label: UiStringKey;
  /** The label from the context instead of `label` (e.g. "extra remarks" once findings are sent). */
  readonly labelOf?: (context: CommandDialogContext) => string;
  /** Required always, or depending on the context (e.g. a return's remarks only without open requester findings). */
  readonly required?: boolean | ((context: CommandDialogContext) => boolean);
  /** Shown but not editable (a value the command service decides, such as the countersignature number). */
  readonly readOnly?: boolean;
  readonly options?: (context: CommandDialogContext) => readonly InputOption[];
  /** Shown only when this returns true for the current values. */
  readonly visibleWhen?: (values: CommandValues) => boolean;
  /** Initial value. */
  readonly initial?: (context: CommandDialogContext) => string | readonly string[] | boolean | undefined;
  /** What a choice without options says (default: no documents to choose). */
  readonly emptyText?: (context: CommandDialogContext) => string;
}

const docOptions = (context: CommandDialogContext): InputOption[] =>
  context.documents.map((doc) => ({ key: doc.id, text: `${doc.fileName} (v${doc.version})` }));
const isSimplified = (values: CommandValues): boolean => values.procedure === 'simplified';

/** Commands given from the dossier panel (everything but `registerRequest`) and their inputs. */
export const commandInputs: Readonly<Record<GenericDialogCommand, readonly InputSpec[]>> = {
  assignStatistician: [
    { name: 'assignee', kind: 'choice', label: 'inputAssignee', required: true, options: (c) => c.statisticians.map((s) => ({ key: s.id, text: s.displayName })) }
  ],
  requestForms: [
    {
      name: 'procedure', kind: 'choice', label: 'inputProcedure', required: true, initial: () => 'standard',
      options: (c) => (['standard', 'simplified'] as ProcedureId[]).map((p) => ({ key: p, text: procedureLabel(p, c.lang) }))
    },
    {
      name: 'simplifiedReasons', kind: 'multiChoice', label: 'inputReasons', visibleWhen: isSimplified,
      options: (c) => simplifiedReasons.map((r) => ({ key: r, text: simplifiedReasonLabel(r, c.lang) }))
    },
    { name: 'parentProtocolNumber', kind: 'text', label: 'inputParentProtocol', visibleWhen: isSimplified }
  ],
  declareNotAdmissible: [{ name: 'reason', kind: 'multiline', label: 'inputReason', required: true }],
  registerDraftDocuments: [
    { name: 'documents', kind: 'documents', label: 'inputDocuments', required: true, options: docOptions, initial: (c) => c.documents.map((d) => d.id) }
  ],
  returnForChanges: [
    { name: 'requesterFindings', kind: 'requesterFindings', label: 'inputReviewComments' },
    {
      name: 'reviewComments', kind: 'multiline', label: 'inputReviewComments', required: (c) => openRequesterFindingsOf(c).length === 0,
      labelOf: (c) => (openRequesterFindingsOf(c).length > 0 ? c.strings.review.returnExtraRemarks : c.strings.inputReviewComments)
    }
  ],
  startDeliberation: [
    { name: 'findingOverrides', kind: 'findingOverrides', label: 'inputOverrideReason' },
    { name: 'overrideReason', kind: 'multiline', label: 'inputOverrideReason' }
  ],
  requestMoreInformation: [{ name: 'question', kind: 'multiline', label: 'inputQuestion', required: true }],
  registerSignedDocuments: [
    { name: 'documents', kind: 'documents', label: 'inputDocuments', required: true, options: docOptions, initial: (c) => c.documents.map((d) => d.id) }
  ],
  countersign: [
    { name: 'number', kind: 'text', label: 'inputNumber', readOnly: true, initial: (c) => c.suggestedNumber },
    { name: 'protocolEndDate', kind: 'text', label: 'inputEndDate' },
    // The countersigned original: required, its signatures are what the countersignature rests on.
    { name: 'documents', kind: 'documents', label: 'inputDocuments', required: true, options: docOptions }
  ],
  // No tick box: publishing needs the recorded mail with both versions, which the domain checks.
  publish: [{ name: 'publicationDocument', kind: 'document', label: 'inputPublicationDocument', required: true, options: docOptions }],
  withdraw: [{ name: 'reason', kind: 'multiline', label: 'inputReason', required: true }],
  addComment: [{ name: 'text', kind: 'multiline', label: 'inputText', required: true }],
  // Lifecycle (issue 16). One piece of evidence: the statement or a received mail (the domain refuses both or neither).
  confirmDestruction: [
    { name: 'statement', kind: 'document', label: 'inputDocuments', labelOf: (c) => c.strings.lifecycle.inputDestructionStatement, options: docOptions },
    {
      name: 'mailMessageId', kind: 'choice', label: 'inputDocuments', labelOf: (c) => c.strings.lifecycle.inputDestructionMail,
      options: (c) => receivedMailOptions(c), emptyText: (c) => c.strings.lifecycle.noReceivedMails
    }
  ],
  revokeProtocol: [
    { name: 'date', kind: 'text', label: 'inputReason', labelOf: (c) => c.strings.lifecycle.inputRevocationDate, required: true },
    { name: 'reason', kind: 'multiline', label: 'inputReason', labelOf: (c) => c.strings.lifecycle.inputRevocationReason, required: true }
  ]
};

/** The received mails that can confirm the destruction (on or after the delivery, the domain's rule), newest first, as options (subject and date). */
function receivedMailOptions(context: CommandDialogContext): InputOption[] {
  return (context.correspondence ?? [])
    .filter((entry) => mailConfirmsDestruction(entry, context.deliveredOn))
    .map((entry) => ({ key: entry.messageId, text: `${entry.subject} (${entry.direction === 'incoming' ? entry.receivedAt.slice(0, 10) : ''})` }))
    .reverse();
}

/** The open findings for the requester the dialog's dossier holds (`openRequesterFindings` of the domain). */
export function openRequesterFindingsOf(context: Pick<CommandDialogContext, 'findings'>): readonly DossierFinding[] {
  return openRequesterFindings(context.findings ?? []);
}

/** True when the input must be filled in for this context. */
export function isRequired(input: InputSpec, context: CommandDialogContext): boolean {
  return typeof input.required === 'function' ? input.required(context) : input.required === true;
}

/** The value key of a finding's override reason in the deliberation dialog. */
export const findingOverrideKey = (findingId: string): string => `findingOverride:${findingId}`;

/** Initial values of a command's dialog. */
export function initialValues(type: GenericDialogCommand, context: CommandDialogContext): Record<string, string | readonly string[] | boolean | undefined> {
  const values: Record<string, string | readonly string[] | boolean | undefined> = {};
  for (const input of commandInputs[type]) values[input.name] = input.initial?.(context);
  return values;
}

/** A command without its id; the caller adds `commandId` (one per user action, reused on retry). */
export type CommandPayload = Command extends infer C ? (C extends Command ? Omit<C, 'commandId'> : never) : never;

/** Facts the payload needs that the caller looks up after the dialog (e.g. the parent protocol). */
export interface PayloadLookups {
  readonly parentProtocol?: (number: string) => Promise<ParentProtocolRef | undefined>;
}

/** The protocol number typed in the dialog is not in the register. */
export class UnknownProtocolError extends Error {
  public constructor(public readonly protocolNumber: string) {
    super(`Protocol ${protocolNumber} is not in the register.`);
    this.name = 'UnknownProtocolError';
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const optional = (value: unknown): string | undefined => text(value) || undefined;

/**
 * Translates the dialog's values into the domain's payload. Empty inputs stay empty so the domain's
 * guards refuse them with their own message; an unknown assignee or document id is left out the same way.
 */
export async function toCommandPayload(
  type: GenericDialogCommand,
  values: CommandValues,
  context: Pick<CommandDialogContext, 'statisticians' | 'documents' | 'findings'>,
  lookups: PayloadLookups = {}
): Promise<CommandPayload> {
  const comment = optional(values.comment);
  const documentsById = new Map(context.documents.map((doc) => [doc.id, doc]));
  const pickDocuments = (ids: readonly string[]): DocumentRegistration[] =>
    ids.map((id) => documentsById.get(id)).filter((doc): doc is DocumentRegistration => doc !== undefined);
  switch (type) {
    case 'assignStatistician': {
      const assignee = context.statisticians.find((s) => s.id === values.assignee) ?? { id: text(values.assignee), displayName: text(values.assignee), roles: [] };
      return { type, assignee, comment };
    }
    case 'requestForms': {
      const procedure = (text(values.procedure) || undefined) as ProcedureId;
      if (procedure !== 'simplified') return { type, procedure, comment };
      const number = text(values.parentProtocolNumber);
      const parentProtocol = number && lookups.parentProtocol ? await lookups.parentProtocol(number) : undefined;
      if (number && !parentProtocol) throw new UnknownProtocolError(number);
      return { type, procedure, comment, simplifiedReasons: list(values.simplifiedReasons) as SimplifiedReason[], parentProtocol };
    }
    case 'declareNotAdmissible':
      return { type, reason: optional(values.reason), comment };
    case 'registerDraftDocuments':
    case 'registerSignedDocuments':
      return { type, documents: pickDocuments(list(values.documents)), comment };
    case 'returnForChanges':
      return {
        type, comment,
        reviewComments: text(values.reviewComments).split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0).map((line) => ({ text: line }))
      };
    case 'startDeliberation': {
      // A reason per open requester finding; a finding left without one is not overridden (the guard names it).
      const findingOverrides = openRequesterFindingsOf(context)
        .map((finding) => ({ findingId: finding.id, reason: text(values[findingOverrideKey(finding.id)]) }))
        .filter((override) => override.reason !== '');
      return { type, overrideReason: optional(values.overrideReason), comment, ...(findingOverrides.length > 0 ? { findingOverrides } : {}) };
    }
    case 'requestMoreInformation':
      return { type, question: text(values.question), comment };
    case 'countersign':
      return { type, number: text(values.number), protocolEndDate: optional(values.protocolEndDate), documents: pickDocuments(list(values.documents)), comment };
    case 'publish': {
      const [publicationDocument] = pickDocuments([text(values.publicationDocument)]);
      return {
        type, comment,
        publicationDocument: publicationDocument ?? { id: '', kind: 'publicationVersion', fileName: '', version: '' }
      };
    }
    case 'confirmDestruction': {
      const [statement] = pickDocuments([text(values.statement)].filter((id) => id !== ''));
      const mailMessageId = optional(values.mailMessageId);
      return { type, comment, ...(statement ? { statement } : {}), ...(mailMessageId ? { mailMessageId } : {}) };
    }
    case 'revokeProtocol':
      return { type, date: text(values.date), reason: text(values.reason), comment };
    case 'withdraw':
      return { type, reason: text(values.reason), comment };
    case 'addComment':
      return { type, text: text(values.text), comment };
  }
}
