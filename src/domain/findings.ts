/**
 * Findings as records of the dossier (step 3, the review loop): every automatic check result and every
 * reviewer remark on a document, with its audience, its status and the versions that saw it. The rules
 * of how a new version moves them (`reconcileFindings`) live here once; the service, the list projection
 * `Bevindingen`, the panel, the Word pane and the mails read them.
 */
import type { DocumentKind, IsoDateTime, PersonRef } from './types';

/** Who may read a finding: the requester (mails, annotated copies) or only the VSA. */
export type FindingAudience = 'requester' | 'internal';

/**
 * `open`: to be handled by the requester; `addressed`: the field changed (reviewer finding) or the check
 * no longer fires (automatic) in a later version, for the reviewer to confirm; `resolved`: confirmed;
 * `waived`: accepted as it is, with a reason.
 */
export type FindingStatus = 'open' | 'addressed' | 'resolved' | 'waived';

/** `check`: an automatic check of the forms engine; `reviewer`: a person's remark. */
export type FindingOrigin = 'check' | 'reviewer';

/** Severity, as the forms engine grades its findings. */
export type FindingSeverity = 'blocking' | 'warning' | 'info';

/** One status change of a finding: the audit trail on the record itself. */
export interface FindingStatusChange {
  readonly status: FindingStatus;
  readonly at: IsoDateTime;
  /** Who changed it; for automatic moves the person whose registration caused them. */
  readonly by: PersonRef;
  /** The document version that caused an automatic move. */
  readonly version?: string;
  /** Why it was waived or reopened (required for `waived`). */
  readonly reason?: string;
  /** True when the move was automatic (a new version), not a person's choice. */
  readonly automatic?: boolean;
}

/** A finding of the dossier. */
export interface DossierFinding {
  /**
   * Stable id. Automatic: `check:<kind>:<checkId>:<field>:<detail>` (`automaticFindingId`), the same
   * for the same problem in every version; reviewer: given by the client (a UUID, or the Word pane's
   * comment id), so recording it twice never duplicates it.
   */
  readonly id: string;
  readonly documentKind: DocumentKind;
  /** The form field (catalog id), when the finding is about one. */
  readonly fieldId?: string;
  /** The row of a repeating table (0-based), when the finding is about one row. */
  readonly rowIndex?: number;
  /** A quote of the text the finding is about, when it is not about a field. */
  readonly textAnchor?: string;
  readonly origin: FindingOrigin;
  /** For `check` findings: the check's id (`required`, `codebook`, …). */
  readonly checkId?: string;
  /** For `check` findings: the message key and parameters, rendered in the reader's language. */
  readonly messageKey?: string;
  readonly params?: Readonly<Record<string, string>>;
  /** The reviewer's text; for `check` findings the Dutch message at the time it was seen. */
  readonly text: string;
  readonly author: PersonRef;
  readonly audience: FindingAudience;
  readonly severity: FindingSeverity;
  readonly firstSeenVersion: string;
  readonly lastSeenVersion: string;
  readonly status: FindingStatus;
  /** The reason of the last waiver (also in the history). */
  readonly waivedReason?: string;
  readonly createdAt: IsoDateTime;
  readonly history: readonly FindingStatusChange[];
  /**
   * Incremented on every change; a status change names the revision it was made on, so of two
   * reviewers changing the same finding at once the second gets `dossier.error.findingChanged`.
   */
  readonly revision: number;
}

/** A reviewer remark as a command brings it (the event adds author, versions and status). */
export interface NewReviewerFinding {
  readonly id: string;
  readonly documentKind: DocumentKind;
  readonly fieldId?: string;
  readonly rowIndex?: number;
  readonly textAnchor?: string;
  readonly text: string;
  readonly audience: FindingAudience;
  /** Default `warning`. */
  readonly severity?: FindingSeverity;
  /** The document version the remark was made on; default: the current draft's version. */
  readonly version?: string;
}

/** An automatic check result of one document version, as the service computed it. */
export interface AutomaticFinding {
  readonly checkId: string;
  readonly fieldId?: string;
  readonly rowIndex?: number;
  readonly severity: FindingSeverity;
  readonly messageKey: string;
  readonly params: Readonly<Record<string, string>>;
  /** The Dutch message (the record's text). */
  readonly text: string;
}

/**
 * What the service read of one newly registered draft version: its automatic findings and, compared
 * with the previous version of the same kind, which fields changed. `readable: false` (a scan, a PDF,
 * a file the reader refused): every finding of that kind stays as it is and the panel says why.
 */
export interface DocumentVersionReview {
  readonly documentKind: DocumentKind;
  readonly documentId: string;
  readonly version: string;
  readonly readable: boolean;
  readonly automaticFindings: readonly AutomaticFinding[];
  /**
   * Field ids (and `rows:<table>` / `<table>#<row>.<field>` for table cells, see `changedFieldKeys`)
   * whose value differs from the previous version; absent for the first version of the kind.
   */
  readonly changedFields?: readonly string[];
}

/** A per-finding override recorded when deliberation starts with requester findings still open. */
export interface FindingOverride {
  readonly findingId: string;
  readonly reason: string;
}

const detailKeys = ['value', 'wave', 'fileName', 'row'] as const;

/**
 * The stable id of an automatic finding: the same check on the same field (and row, and offending
 * value where the check names one) gives the same id in every version of that kind.
 */
export function automaticFindingId(kind: DocumentKind, finding: Pick<AutomaticFinding, 'checkId' | 'fieldId' | 'rowIndex' | 'params'>): string {
  const detail = detailKeys.map((key) => finding.params[key]).filter((value) => value !== undefined && value !== '').join('|');
  const field = finding.fieldId ?? '-';
  const row = finding.rowIndex === undefined ? '' : `#${finding.rowIndex}`;
  return `check:${kind}:${finding.checkId}:${field}${row}${detail ? `:${detail}` : ''}`;
}

/** The key a changed-field list uses for a finding's field (a table cell: `<fieldId>#<row>`). */
export function fieldKeyOf(finding: Pick<DossierFinding, 'fieldId' | 'rowIndex'>): string | undefined {
  if (!finding.fieldId) return undefined;
  return finding.rowIndex === undefined ? finding.fieldId : `${finding.fieldId}#${finding.rowIndex}`;
}

/**
 * Did the field of this finding change? `changed` holds the keys `changedFieldKeys` gives: a field id,
 * a table cell `<cellFieldId>#<row>`, or `rows:<table>` when the table's rows were added or removed.
 * A finding on a cell column without a row counts as changed when any cell of that column changed.
 */
export function fieldChanged(finding: Pick<DossierFinding, 'fieldId' | 'rowIndex'>, changed: ReadonlySet<string>): boolean {
  const key = fieldKeyOf(finding);
  if (!key) return false;
  if (changed.has(key)) return true;
  const fieldId = finding.fieldId!;
  // A cell: only its own key (a row added elsewhere does not answer a remark on this row).
  if (finding.rowIndex !== undefined) return false;
  for (const candidate of changed) {
    if (candidate.startsWith(`${fieldId}#`) || candidate === `rows:${fieldId}` || candidate.startsWith(`${fieldId}.`)) return true;
  }
  return false;
}

function withStatus(finding: DossierFinding, change: FindingStatusChange): DossierFinding {
  return {
    ...finding,
    status: change.status,
    waivedReason: change.status === 'waived' ? change.reason : finding.waivedReason,
    history: [...finding.history, change],
    revision: finding.revision + 1
  };
}

/** Applies a status change (a person's choice or an override). */
export function changeFindingStatus(finding: DossierFinding, change: FindingStatusChange): DossierFinding {
  return withStatus(finding, change);
}

/** What a registration moves: the new list and, per kind, whether the version could be read. */
export interface Reconciliation {
  readonly findings: readonly DossierFinding[];
}

/**
 * Moves the findings of the kinds a registration brings a new version of:
 * - automatic findings present again stay (or become again) `open` with the new version as last seen;
 *   new ones are added `open`; open ones that no longer fire become `addressed`;
 * - open reviewer findings on a field that changed become `addressed`; on an unchanged field (or with no
 *   field) they stay `open` with the new version as last seen;
 * - `resolved` and `waived` findings are not touched, except an automatic one that fires again after
 *   being resolved, which reopens;
 * - an unreadable version changes nothing for its kind.
 */
export function reconcileFindings(
  findings: readonly DossierFinding[],
  reviews: readonly DocumentVersionReview[],
  at: IsoDateTime,
  by: PersonRef
): Reconciliation {
  let current = [...findings];
  for (const review of reviews) {
    if (!review.readable) continue;
    const changed = new Set(review.changedFields ?? []);
    const firstVersion = review.changedFields === undefined;
    const seen = new Map(review.automaticFindings.map((finding) => [automaticFindingId(review.documentKind, finding), finding]));
    const auto = (status: FindingStatus): FindingStatusChange => ({ status, at, by, version: review.version, automatic: true });
    current = current.map((finding) => {
      if (finding.documentKind !== review.documentKind) return finding;
      if (finding.origin === 'check') {
        const again = seen.get(finding.id);
        if (again) {
          const refreshed = { ...finding, lastSeenVersion: review.version, severity: again.severity, text: again.text, params: again.params };
          if (finding.status === 'open' || finding.status === 'waived') return refreshed;
          return withStatus(refreshed, auto('open'));
        }
        return finding.status === 'open' ? withStatus(finding, auto('addressed')) : finding;
      }
      if (finding.status !== 'open') return finding;
      if (!firstVersion && fieldChanged(finding, changed)) return withStatus({ ...finding }, auto('addressed'));
      return { ...finding, lastSeenVersion: review.version };
    });
    const known = new Set(current.map((finding) => finding.id));
    for (const [id, finding] of seen) {
      if (known.has(id)) continue;
      current.push({
        id,
        documentKind: review.documentKind,
        ...(finding.fieldId !== undefined ? { fieldId: finding.fieldId } : {}),
        ...(finding.rowIndex !== undefined ? { rowIndex: finding.rowIndex } : {}),
        origin: 'check',
        checkId: finding.checkId,
        messageKey: finding.messageKey,
        params: finding.params,
        text: finding.text,
        author: by,
        audience: 'requester',
        severity: finding.severity,
        firstSeenVersion: review.version,
        lastSeenVersion: review.version,
        status: 'open',
        createdAt: at,
        history: [{ status: 'open', at, by, version: review.version, automatic: true }],
        revision: 1
      });
      known.add(id);
    }
  }
  return { findings: current };
}

/** Adds reviewer findings; an id already recorded updates the text of an open finding and adds nothing. */
export function addReviewerFindings(
  findings: readonly DossierFinding[],
  added: readonly NewReviewerFinding[],
  defaultVersion: (kind: DocumentKind) => string,
  at: IsoDateTime,
  by: PersonRef
): readonly DossierFinding[] {
  const byId = new Map(findings.map((finding, index) => [finding.id, index]));
  const next = [...findings];
  for (const remark of added) {
    const index = byId.get(remark.id);
    if (index !== undefined) {
      const existing = next[index];
      // Only its author rewords an open remark; anyone else's re-recording adds nothing (no silent last-writer-wins).
      if (existing.status === 'open' && existing.text !== remark.text && existing.author.id === by.id) next[index] = { ...existing, text: remark.text, revision: existing.revision + 1 };
      continue;
    }
    const version = remark.version ?? defaultVersion(remark.documentKind);
    next.push({
      id: remark.id,
      documentKind: remark.documentKind,
      ...(remark.fieldId ? { fieldId: remark.fieldId } : {}),
      ...(remark.rowIndex !== undefined ? { rowIndex: remark.rowIndex } : {}),
      ...(remark.textAnchor ? { textAnchor: remark.textAnchor } : {}),
      origin: 'reviewer',
      text: remark.text,
      author: by,
      audience: remark.audience,
      severity: remark.severity ?? 'warning',
      firstSeenVersion: version,
      lastSeenVersion: version,
      status: 'open',
      createdAt: at,
      history: [{ status: 'open', at, by }],
      revision: 1
    });
    byId.set(remark.id, next.length - 1);
  }
  return next;
}

/** Progress of the reviewer's remarks: "3 van 7 opmerkingen verwerkt" (addressed, resolved or waived). */
export interface FindingProgress {
  readonly total: number;
  readonly handled: number;
  readonly open: number;
  readonly addressed: number;
}

/** The progress over the given findings (by default the reviewers' remarks). */
export function findingProgress(findings: readonly DossierFinding[], which: (finding: DossierFinding) => boolean = (f) => f.origin === 'reviewer'): FindingProgress {
  const counted = findings.filter(which);
  const open = counted.filter((finding) => finding.status === 'open').length;
  const addressed = counted.filter((finding) => finding.status === 'addressed').length;
  return { total: counted.length, handled: counted.length - open, open, addressed };
}

/** The findings the requester is asked to handle: open, audience `requester`. Internal ones never. */
export function openRequesterFindings(findings: readonly DossierFinding[]): readonly DossierFinding[] {
  return findings.filter((finding) => finding.audience === 'requester' && finding.status === 'open');
}

/** Still to be handled: open (by the requester) or addressed (a reviewer confirms or reopens); what the Word pane keeps in the document. */
export function awaitsHandling(finding: Pick<DossierFinding, 'status'>): boolean {
  return finding.status === 'open' || finding.status === 'addressed';
}

/** What may leave the VSA: only findings with audience `requester` (every output to the requester filters through this). */
export function requesterVisible(findings: readonly DossierFinding[]): readonly DossierFinding[] {
  return findings.filter((finding) => finding.audience === 'requester');
}

/** Findings grouped by document kind, then field (field order as first seen; no field last). */
export function groupByDocumentAndField(findings: readonly DossierFinding[]): ReadonlyArray<{ documentKind: DocumentKind; fields: ReadonlyArray<{ fieldId?: string; findings: readonly DossierFinding[] }> }> {
  const kinds: DocumentKind[] = [];
  const byKind = new Map<DocumentKind, Map<string, DossierFinding[]>>();
  for (const finding of findings) {
    if (!byKind.has(finding.documentKind)) {
      kinds.push(finding.documentKind);
      byKind.set(finding.documentKind, new Map());
    }
    const fields = byKind.get(finding.documentKind)!;
    const key = finding.fieldId ?? '';
    fields.set(key, [...(fields.get(key) ?? []), finding]);
  }
  return kinds.map((documentKind) => {
    const fields = [...byKind.get(documentKind)!.entries()];
    fields.sort(([a], [b]) => (a === '' ? 1 : 0) - (b === '' ? 1 : 0));
    return { documentKind, fields: fields.map(([fieldId, list]) => ({ ...(fieldId ? { fieldId } : {}), findings: list })) };
  });
}

/** The kinds whose drafts are forms the review loop reads (a mandate or a publication version is not). */
export const reviewedKinds: readonly DocumentKind[] = ['aanvraagformulier', 'verklaringTOM', 'protocol', 'vereenvoudigdAanvraagformulier', 'addendum'];

type RegisteredDocumentLike = { readonly kind: DocumentKind; readonly phase?: string; readonly superseded?: boolean };

const draftsOf = (documents: readonly RegisteredDocumentLike[], kind: DocumentKind): number =>
  documents.filter((document) => document.kind === kind && (document.phase === undefined || document.phase === 'draft')).length;

/**
 * The review loop's version of a kind: the n-th draft registered of that kind ("1", "2", …), whatever
 * the file is called and whatever the library's own label says (a second version uploaded under a new
 * name is "1.0" again there). '' before the first draft. Findings' first/last seen versions are these.
 */
export function draftVersionOf(documents: readonly RegisteredDocumentLike[], kind: DocumentKind): string {
  const count = draftsOf(documents, kind);
  return count === 0 ? '' : String(count);
}

/** The version the next draft of a kind gets (see `draftVersionOf`). */
export function nextDraftVersion(documents: readonly RegisteredDocumentLike[], kind: DocumentKind): string {
  return String(draftsOf(documents, kind) + 1);
}

/** The current review-loop version of each kind that has drafts. */
export function currentVersions(documents: readonly RegisteredDocumentLike[]): ReadonlyMap<DocumentKind, string> {
  const current = new Map<DocumentKind, string>();
  for (const kind of reviewedKinds) {
    const version = draftVersionOf(documents, kind);
    if (version) current.set(kind, version);
  }
  return current;
}

/**
 * "Niet verwerkt": open findings a later version left as they were — last seen in the current version
 * of their kind, first seen in an earlier one (their field did not change, or the check still fires).
 * A finding first seen in the current version is new, not unaddressed.
 */
export function notAddressedFindings(findings: readonly DossierFinding[], current: ReadonlyMap<DocumentKind, string>): readonly DossierFinding[] {
  return findings.filter((finding) =>
    finding.status === 'open' && current.get(finding.documentKind) === finding.lastSeenVersion && finding.firstSeenVersion !== finding.lastSeenVersion);
}
