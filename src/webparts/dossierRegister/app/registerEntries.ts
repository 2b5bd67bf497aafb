/**
 * Maps what the data layer returns onto what the shared UI components show. Business rules stay in
 * the domain: deadlines come from `overdue`, the chain from the register rows of the protocol.
 */
import { overdue } from '../../../domain/deadlines';
import { parseAddendumNumber } from '../../../domain/numbering';
import { isFinalState } from '../../../domain/states';
import type { Dossier, IsoDateTime, OverdueStatus } from '../../../domain/types';
import type { RegisterRow, StoredDocument } from '../../../data/ports';
import type { ChainMember, ChainView, DocumentView } from '../../../ui/panel/panelTypes';
import type { RegisterEntry } from '../../../ui/register/registerRows';

/**
 * The deadline of a register row by the domain's rule, on the row's state history (the projection's
 * `StateHistory` column), so the row and the panel agree in every state. Fallback for items written
 * before that column existed: the row's current stay stands in for the history, exact for "In
 * beoordeling" and "Wacht op handtekeningen"; "In beraad" and "Advies DPO" then show no review
 * deadline (no entry into review is known) until the dossier's next transition writes its history.
 */
export function deadlineOfRow(row: RegisterRow, now: IsoDateTime): OverdueStatus {
  if (!row.stateSince) return { overdue: false, overdueSinceDays: 0 };
  const partial = {
    state: row.state,
    stateSince: row.stateSince,
    stateHistory: row.stateHistory ?? [{ state: row.state, enteredAt: row.stateSince }],
    procedure: row.procedure,
    protocolEndDate: row.protocolEndDate
  };
  // `overdue` reads only these fields of a dossier.
  return overdue(partial as unknown as Dossier, now);
}

/** The register entry of a projection row. */
export function entryFromRegisterRow(row: RegisterRow, now: IsoDateTime): RegisterEntry {
  return {
    reference: row.reference,
    subject: row.subject,
    institution: row.institution,
    state: row.state,
    stateSince: row.stateSince,
    procedure: row.procedure,
    assignee: row.assignee ? { id: row.assignee.email, displayName: row.assignee.displayName } : undefined,
    deadline: deadlineOfRow(row, now),
    stateHistory: row.stateHistory
  };
}

/** True for a Word document the forms engine can read. */
export function isDocx(fileName: string): boolean {
  return /\.docx$/i.test(fileName);
}

/** The panel's view of a stored document (findings are added once checked). */
export function documentView(document: StoredDocument, openInWordUrl?: (document: StoredDocument) => string | undefined): DocumentView {
  return {
    id: document.id,
    fileName: document.fileName,
    kind: document.kind,
    phase: document.phase,
    version: document.version,
    checkStatus: document.checkStatus,
    findingsState: 'idle',
    isDocx: isDocx(document.fileName),
    openInWordUrl: isDocx(document.fileName) ? openInWordUrl?.(document) : undefined
  };
}

const member = (row: RegisterRow, number?: string): ChainMember => ({ reference: row.reference, number, state: row.state });

/** The protocol chain from the register rows that carry or build on one protocol number. */
export function chainFromRows(protocolNumber: string, rows: readonly RegisterRow[]): ChainView {
  const protocolRow = rows.find((row) => row.procedure !== 'simplified' && row.protocolNumber === protocolNumber);
  const onProtocol = rows.filter((row) => row.procedure === 'simplified');
  const addendumIndex = (row: RegisterRow): number => parseAddendumNumber(row.addendumNumber)?.index ?? 0;
  return {
    protocolNumber,
    protocol: protocolRow ? member(protocolRow, protocolNumber) : undefined,
    addenda: onProtocol.filter((row) => row.addendumNumber).sort((a, b) => addendumIndex(a) - addendumIndex(b)).map((row) => member(row, row.addendumNumber)),
    pending: onProtocol.filter((row) => !row.addendumNumber && !isFinalState(row.state)).map((row) => member(row))
  };
}
