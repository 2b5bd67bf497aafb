import * as React from 'react';
import type { NewReviewerFinding } from '../../../domain/findings';
import type { StoredDocument } from '../../../data/ports';
import { AppError } from '../../../app/appError';
import { newCommandId } from '../../../app/commandIds';
import type { CommandRequest, RegisterService } from '../../../app/registerService';
import type { VersionRef } from '../../../ui/review/comparableVersions';
import type { FieldDifference } from '../../../forms/diff';
import type { DocumentView } from '../../../ui/panel/panelTypes';
import type { MessageCatalog } from '../../../ui/review/findingText';
import type { FindingStatusRequest } from '../../../ui/review/ReviewFindingsSection';
import type { CommandOutcome } from '../../../ui/shared/outcome';
import { runAsync } from '../../../ui/shared/runAsync';
import type { UiStrings } from '../../../ui/strings';
import type { DossierDetail } from './useDossierDetail';

/** What the findings tab and the "Verschillen" view of the panel call. */
export interface ReviewFindingsActions {
  readonly changeStatus: (request: FindingStatusRequest) => Promise<CommandOutcome>;
  readonly record: (finding: Omit<NewReviewerFinding, 'id'>) => Promise<CommandOutcome>;
  readonly compareVersions: (document: DocumentView, before: VersionRef, after: VersionRef) => Promise<readonly FieldDifference[]>;
  /** The forms engine's messages, loaded once a dossier is open. */
  readonly messages?: MessageCatalog;
}

/**
 * The review loop's calls from the panel: status changes and remarks go through the register's
 * `execute` (the command service); a change refused because someone else changed the finding first
 * (`dossier.error.findingChanged`) reloads the dossier and says so above the tabs.
 */
export function useReviewFindings(
  service: RegisterService,
  detail: DossierDetail,
  execute: (reference: string, command: CommandRequest) => Promise<CommandOutcome>,
  storedOf: (view: DocumentView) => StoredDocument | undefined,
  strings: UiStrings
): ReviewFindingsActions {
  const [messages, setMessages] = React.useState<MessageCatalog | undefined>(undefined);
  const requested = React.useRef(false);
  const open = detail.reference !== undefined;
  React.useEffect(() => {
    if (!open || requested.current) return;
    requested.current = true;
    // Until the catalog is loaded the recorded (Dutch) text shows; a failure to load it is shown.
    runAsync(service.findingMessages().then(setMessages), detail.showFailure);
  }, [open, service, detail.showFailure]);
  const opened = detail.opened;

  const changeStatus = async (request: FindingStatusRequest): Promise<CommandOutcome> => {
    if (!opened?.dossier) return { ok: false, kind: 'failed', message: '' };
    const outcome = await execute(opened.reference, { type: 'changeFindingStatus', ...request });
    if (!outcome.ok && outcome.kind === 'refused' && outcome.errors.some((error) => error.code === 'dossier.error.findingChanged')) {
      detail.setNotice(strings.review.findingConflict);
      await detail.reload();
    }
    return outcome;
  };

  const record = async (finding: Omit<NewReviewerFinding, 'id'>): Promise<CommandOutcome> => {
    if (!opened?.dossier) return { ok: false, kind: 'failed', message: '' };
    return execute(opened.reference, { type: 'recordFindings', findings: [{ id: newCommandId(), ...finding }] });
  };

  const compareVersions = async (view: DocumentView, before: VersionRef, after: VersionRef): Promise<readonly FieldDifference[]> => {
    if (!opened || !storedOf(view)) throw new AppError('app.error.noDossier');
    return service.compareVersions(opened, before, after);
  };

  return { changeStatus, record, compareVersions, messages };
}
