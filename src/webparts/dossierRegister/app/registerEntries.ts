/**
 * Maps what the data layer returns onto what the shared UI components show. Business rules stay in
 * the domain: deadlines come from the clocks (`clockStatus`), the chain from `protocolChain` on the register rows.
 */
import { isDocxName } from '../../../domain/documentRules';
import { protocolChain, protocolChains } from '../../../domain/chain';
import { defaultClockSetup } from '../../../domain/clocks/holidayCalendar';
import { clockStatus, noDeadline, type ClockSetup, type ClockStatus, type ClockStatusFacts } from '../../../domain/clocks/status';
import type { IsoDate, IsoDateTime } from '../../../domain/types';
import type { RegisterRow, StoredDocument } from '../../../data/ports';
import type { ChainMember, ChainView, DocumentView } from '../../../ui/panel/panelTypes';
import type { RegisterEntry } from '../../../ui/register/registerRows';

/**
 * The clock of a register row by the domain's rule, on the row's state history (the projection's
 * `StateHistory` column), so the row and the panel agree in every state. Fallback for items written
 * before that column existed: the row's current stay stands in for the history, exact for every phase
 * but `review`, whose VSA days of earlier versions are then unknown (only the current version counts)
 * until the dossier's next transition writes its history.
 */
export function deadlineOfRow(row: RegisterRow, now: IsoDateTime, effectiveEndDate?: IsoDate, setup: ClockSetup = defaultClockSetup, revokedOn?: IsoDate): ClockStatus {
  if (!row.stateSince) return noDeadline;
  const facts: ClockStatusFacts = {
    reference: row.reference,
    state: row.state,
    stateSince: row.stateSince,
    stateHistory: row.stateHistory ?? [{ state: row.state, enteredAt: row.stateSince }],
    procedure: row.procedure,
    protocolEndDate: row.protocolEndDate,
    ...(row.revokedOn ? { revokedOn: row.revokedOn } : {})
  };
  return clockStatus(facts, setup.settings, setup.calendar, now, { protocolEndDate: effectiveEndDate, ...(revokedOn ? { revokedOn } : {}) });
}

/**
 * The register entries of all rows read so far. A protocol's row takes its chain's effective end date
 * (an extension addendum moves it), so its highlight agrees with the reminders and the panel.
 */
export function entriesFromRegisterRows(rows: readonly RegisterRow[], now: IsoDateTime, setup: ClockSetup = defaultClockSetup): RegisterEntry[] {
  const effectiveEnd = new Map<string, IsoDate>();
  // Lifecycle (issue 16): a revoked protocol marks every dossier of its chain (addenda and requests on it).
  const revokedOn = new Map<string, IsoDate>();
  for (const chain of protocolChains(rows)) {
    if (chain.protocol && chain.effectiveEndDate) effectiveEnd.set(chain.protocol.reference, chain.effectiveEndDate);
    const revoked = chain.protocol?.revokedOn;
    if (revoked && chain.protocol) [chain.protocol, ...chain.addenda, ...chain.pending].forEach((row) => revokedOn.set(row.reference, revoked));
  }
  return rows.map((row) => {
    const revoked = revokedOn.get(row.reference) ?? row.revokedOn;
    const entry = entryFromRegisterRow(row, now, effectiveEnd.get(row.reference), setup, revoked);
    return revoked ? { ...entry, revokedOn: revoked } : entry;
  });
}

/** The register entry of a projection row (`effectiveEndDate`: its protocol chain's, when known). */
export function entryFromRegisterRow(row: RegisterRow, now: IsoDateTime, effectiveEndDate?: IsoDate, setup: ClockSetup = defaultClockSetup, revokedOn?: IsoDate): RegisterEntry {
  return {
    reference: row.reference,
    subject: row.subject,
    institution: row.institution,
    state: row.state,
    stateSince: row.stateSince,
    procedure: row.procedure,
    assignee: row.assignee ? { id: row.assignee.email, displayName: row.assignee.displayName } : undefined,
    deadline: deadlineOfRow(row, now, effectiveEndDate, setup, revokedOn),
    stateHistory: row.stateHistory,
    ...(row.surveys ? { surveys: row.surveys } : {}),
    ...(row.variableCount !== undefined ? { variableCount: row.variableCount } : {}),
    ...(row.openConditions !== undefined ? { openConditions: row.openConditions } : {}),
    ...(row.nextConditionDue !== undefined ? { nextConditionDue: row.nextConditionDue } : {}),
    ...(row.revokedOn !== undefined ? { revokedOn: row.revokedOn } : {})
  };
}

/** True for a Word document the forms engine can read (the domain's rule). */
export const isDocx = isDocxName;

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

/** The protocol chain from the register rows that carry or build on one protocol number (the domain's rule). */
export function chainFromRows(protocolNumber: string, rows: readonly RegisterRow[]): ChainView {
  const chain = protocolChain(rows, protocolNumber);
  return {
    protocolNumber,
    protocol: chain.protocol ? member(chain.protocol, protocolNumber) : undefined,
    addenda: chain.addenda.map((row) => member(row, row.addendumNumber)),
    pending: chain.pending.map((row) => member(row))
  };
}
