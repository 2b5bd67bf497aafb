/**
 * The pane's in-memory dossier port: findings move by the domain's own rules (`addReviewerFindings`,
 * `changeFindingStatus`), a status change on a stale revision is refused with the domain's code, and
 * every command the pane sends is kept for assertions.
 */
import { ReviewRefusedError } from '../../../src/app/wordReview/commandDossierReviewPort';
import type { DossierReviewPort, DossierSummary, FindingStatusChangeRequest, ReviewResult } from '../../../src/app/wordReview/dossierReviewPort';
import type { DossierFinding, NewReviewerFinding } from '../../../src/domain/findings';
import { addReviewerFindings, changeFindingStatus } from '../../../src/domain/findings';
import type { PersonRef } from '../../../src/domain/types';

export const REVIEWER: PersonRef = { id: 'an@vsa.example', displayName: 'An Peeters' };

export class InMemoryDossiers implements DossierReviewPort {
  public readonly recorded: ReviewResult[] = [];
  public readonly recordedFindings: NewReviewerFinding[][] = [];
  public readonly statusChanges: FindingStatusChangeRequest[] = [];
  public findings: DossierFinding[] = [];

  public constructor(public readonly summary: DossierSummary = { reference: 'VSA-2026-007', subject: 'Wonen in Vlaanderen', state: 'underReview' }) {}

  public async findDossier(reference: string): Promise<DossierSummary | undefined> {
    return reference === this.summary.reference ? this.summary : undefined;
  }

  public async recordReview(result: ReviewResult): Promise<void> {
    this.recorded.push(result);
  }

  public async findingsOf(reference: string): Promise<readonly DossierFinding[]> {
    return reference === this.summary.reference ? [...this.findings] : [];
  }

  public async recordFindings(_reference: string, findings: readonly NewReviewerFinding[], at: string): Promise<void> {
    this.recordedFindings.push([...findings]);
    this.findings = [...addReviewerFindings(this.findings, findings, () => 'v1', at, REVIEWER)];
  }

  public async changeFindingStatus(_reference: string, change: FindingStatusChangeRequest, at: string): Promise<void> {
    const finding = this.findings.find((candidate) => candidate.id === change.findingId);
    if (!finding) throw new ReviewRefusedError([{ kind: 'guard', code: 'dossier.error.findingUnknown', params: { findingId: change.findingId } }]);
    if (finding.revision !== change.expectedRevision) {
      const last = finding.history[finding.history.length - 1];
      throw new ReviewRefusedError([{ kind: 'guard', code: 'dossier.error.findingChanged', params: { findingId: finding.id, text: finding.text, name: last?.by.displayName ?? '', status: finding.status } }]);
    }
    this.statusChanges.push(change);
    this.findings = this.findings.map((candidate) => (candidate.id === finding.id ? changeFindingStatus(candidate, { status: change.status, at, by: REVIEWER }) : candidate));
  }

  /** A colleague changes a finding in the meantime (a new revision). */
  public changeBy(findingId: string, status: DossierFinding['status'], by: PersonRef, at = '2026-11-25T09:30:00Z'): void {
    this.findings = this.findings.map((candidate) => (candidate.id === findingId ? changeFindingStatus(candidate, { status, at, by }) : candidate));
  }
}

/** A reviewer finding as the dossier holds it (defaults: open, requester, on `project.titel`). */
export function reviewerFinding(partial: Partial<DossierFinding> & Pick<DossierFinding, 'id' | 'text'>): DossierFinding {
  return {
    documentKind: 'aanvraagformulier',
    fieldId: 'project.titel',
    origin: 'reviewer',
    author: REVIEWER,
    audience: 'requester',
    severity: 'warning',
    firstSeenVersion: 'v1',
    lastSeenVersion: 'v1',
    status: 'open',
    createdAt: '2026-11-20T10:00:00Z',
    history: [{ status: 'open', at: '2026-11-20T10:00:00Z', by: REVIEWER }],
    revision: 1,
    ...partial
  };
}
