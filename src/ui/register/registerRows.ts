import { stateLabel, stepOf } from '../../domain/labels';
import type { Dossier, IsoDateTime, Lang, PersonRef, ProcedureId, StateHistoryEntry, StateId, StepNumber } from '../../domain/types';
import type { ClockSide, ClockStatus, PhaseId } from '../../domain/clocks';
import { phaseLabel } from '../../domain/clocks/labels';
import { wholeDaysBetween } from '../shared/format';
import { compactSurveys } from '../../domain/surveys';
import { conditionFollowUp, followUpOverdue } from '../../domain/conditionFollowUp';
import type { IsoDate } from '../../domain/types';

/**
 * What the register needs to know of one dossier, whether it came from a full dossier (fold of its
 * events) or from the register projection list. The deadline status is computed by the domain's clocks.
 */
export interface RegisterEntry {
  readonly reference: string;
  readonly subject: string;
  /** Project title when known (read from the forms), else the subject is shown. */
  readonly title?: string;
  readonly institution?: string;
  readonly state: StateId;
  readonly stateSince?: IsoDateTime;
  readonly procedure?: ProcedureId;
  readonly assignee?: PersonRef;
  /** The requested waves (canonical ids). */
  readonly surveys?: readonly string[];
  /** How many variables the forms request. */
  readonly variableCount?: number;
  readonly deadline: ClockStatus;
  /** Conditions of the approval still open (absent or 0: none to follow). */
  readonly openConditions?: number;
  /** The first due date among the open conditions. */
  readonly nextConditionDue?: IsoDate;
  /**
   * The dossier's state history (full dossier, or the projection's `StateHistory` column); absent for
   * rows written before that column existed, which the dashboard then loads in full for lead times.
   */
  readonly stateHistory?: readonly StateHistoryEntry[];
  /** Lifecycle (issue 16): the date its protocol (its own, or the one it builds on) was revoked. */
  readonly revokedOn?: IsoDate;
}

/** One line of the register: what the list shows, sorts, filters and searches on. */
export interface DossierRow {
  readonly reference: string;
  readonly institution: string;
  readonly title: string;
  readonly procedure?: ProcedureId;
  readonly state: StateId;
  readonly stateLabel: string;
  /** First procedure step of the state; undefined for final states. */
  readonly step?: StepNumber;
  /** `"1"`, `"2–3"`, or the localized "closed". */
  readonly stepText: string;
  readonly final: boolean;
  readonly statisticianId?: string;
  readonly statisticianName?: string;
  readonly daysInState: number;
  /** The current phase (none in `delivered` and the final states) and who holds the dossier. */
  readonly phase?: PhaseId;
  readonly phaseLabel?: string;
  readonly side?: ClockSide;
  /** The last day on time (Europe/Brussels date), or the day the protocol-end reminder is due. */
  readonly dueAt?: IsoDate;
  readonly deadlineKind?: 'phase' | 'protocolEnd';
  readonly overdue: boolean;
  readonly overdueDays: number;
  /** Calendar days on the VSA side and on the requester side. */
  readonly vsaDays?: number;
  readonly requesterDays?: number;
  /** Why the clock could not be computed (a message code; the row shows no deadline). */
  readonly clockProblem?: ClockStatus['problem'];
  readonly surveys: readonly string[];
  /** The waves in few words (`SV-bevraging 2023-1, 2023-2`), the "Bevraging" column. */
  readonly surveysText: string;
  readonly variableCount?: number;
  /** Conditions of the approval still open (0 when none). */
  readonly openConditions: number;
  readonly nextConditionDue?: IsoDate;
  /** An open condition's due date has passed. */
  readonly conditionsOverdue: boolean;
  /** Lifecycle (issue 16): the date its protocol was revoked (the state column's badge). */
  readonly revokedOn?: IsoDate;
  /** Lower-case text the free-text search looks in. */
  readonly searchText: string;
}

/** The domain's clock rule, passed in so the UI never re-implements it. */
export type OverdueRule = (dossier: Dossier, now: IsoDateTime) => ClockStatus;

/** The register entry of a full dossier. */
export function entryFromDossier(dossier: Dossier, now: IsoDateTime, overdueOf: OverdueRule): RegisterEntry {
  return {
    reference: dossier.reference,
    subject: dossier.subject,
    title: dossier.project?.title,
    institution: dossier.requester.institution,
    state: dossier.state,
    stateSince: dossier.stateSince,
    procedure: dossier.procedure,
    assignee: dossier.assignedStatistician,
    surveys: dossier.requestedData?.surveys,
    variableCount: dossier.requestedData?.variablesCount,
    deadline: overdueOf(dossier, now),
    stateHistory: dossier.stateHistory,
    ...followUpOf(dossier),
    ...(dossier.revocation ? { revokedOn: dossier.revocation.date } : {})
  };
}

function followUpOf(dossier: Dossier): Pick<RegisterEntry, 'openConditions' | 'nextConditionDue'> {
  const followUp = conditionFollowUp(dossier.conditions ?? []);
  return followUp.open > 0 ? { openConditions: followUp.open, ...(followUp.nextDue ? { nextConditionDue: followUp.nextDue } : {}) } : {};
}

/** Builds the register line of an entry at `now`. */
export function toDossierRow(entry: RegisterEntry, now: IsoDateTime, lang: Lang): DossierRow {
  const step = stepOf(entry.state, lang);
  const institution = entry.institution ?? '';
  const title = entry.title ?? entry.subject;
  const surveys = entry.surveys ?? [];
  const label = stateLabel(entry.state, lang);
  return {
    reference: entry.reference,
    institution,
    title,
    procedure: entry.procedure,
    state: entry.state,
    stateLabel: label,
    step: step.first,
    stepText: step.text,
    final: step.final,
    statisticianId: entry.assignee?.id,
    statisticianName: entry.assignee?.displayName,
    daysInState: entry.stateSince ? wholeDaysBetween(entry.stateSince, now) : 0,
    ...(entry.deadline.current ? { phase: entry.deadline.current.phase, phaseLabel: phaseLabel(entry.deadline.current.phase, lang), side: entry.deadline.current.side } : {}),
    dueAt: entry.deadline.dueOn,
    ...(entry.deadline.kind ? { deadlineKind: entry.deadline.kind } : {}),
    overdue: entry.deadline.overdue,
    overdueDays: entry.deadline.overdueDays,
    ...(entry.deadline.vsaDays !== undefined ? { vsaDays: entry.deadline.vsaDays, requesterDays: entry.deadline.requesterDays } : {}),
    ...(entry.deadline.problem ? { clockProblem: entry.deadline.problem } : {}),
    surveys,
    surveysText: compactSurveys(surveys, lang),
    variableCount: entry.variableCount,
    openConditions: entry.openConditions ?? 0,
    ...(entry.nextConditionDue ? { nextConditionDue: entry.nextConditionDue } : {}),
    conditionsOverdue: followUpOverdue({ open: entry.openConditions ?? 0, nextDue: entry.nextConditionDue }, now.slice(0, 10)),
    ...(entry.revokedOn ? { revokedOn: entry.revokedOn } : {}),
    searchText: [entry.reference, institution, title, entry.subject, label, entry.assignee?.displayName ?? '', ...surveys]
      .join(' ')
      .toLowerCase()
  };
}
