import * as React from 'react';
import { Panel, PanelType } from '@fluentui/react/lib/Panel';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { checkPhaseForState } from '../../domain/documentRules';
import { commandLabel } from '../../domain/labels';
import { mailKindLabel } from '../../correspondence/labels';
import type { MailKind } from '../../correspondence/types';
import type { DossierEvent } from '../../domain/events';
import type { ProtocolScope, ScopeChanges } from '../../domain/scope';
import type { CommandType, DocumentPhase, Dossier, IsoDateTime, Lang } from '../../domain/types';
import { noDeadline, type ClockStatus } from '../../domain/clocks/status';
import type { UiStrings } from '../strings';
import { isDialogCommand, type DialogCommand } from '../dialogs/commandForm';
import { formatText } from '../shared/format';
import type { CommandOutcome } from '../shared/outcome';
import { DocumentsSection, type UploadKind } from './DocumentsSection';
import type { SignatureWarningAcceptance } from './SignedSetSection';
import { signedSetView } from './signedSetView';
import { ConditionsSection } from './ConditionsSection';
import { DossierSummary } from './DossierSummary';
import type { ChainView, DocumentView, UploadProgress } from './panelTypes';
import { ScopeSection } from './ScopeSection';
import { TimelineSection } from './TimelineSection';
import type { NewReviewerFinding } from '../../domain/findings';
import type { FieldDifference } from '../../forms/diff';
import type { MessageCatalog } from '../review/findingText';
import { ReviewFindingsSection, type FindingStatusRequest } from '../review/ReviewFindingsSection';
import { VersionDifferences } from '../review/VersionDifferences';
import type { EffectiveDates } from '../../domain/lifecycle';
import { hasLifecycle, LifecycleSection } from '../lifecycle/LifecycleSection';
import { comparableVersions, type VersionRef } from '../review/comparableVersions';

/** Props of the dossier panel. */
export interface DossierPanelProps {
  readonly reference?: string;
  readonly onDismiss: () => void;
  readonly dossier?: Dossier;
  readonly deadline?: ClockStatus;
  readonly loading: boolean;
  readonly error?: string;
  /** A message above the tabs, e.g. the conflict explanation after a reload. */
  readonly notice?: string;
  /** Step 1: the dossier's institution is not in the institution register (for the DPO team to judge and add). */
  readonly institutionNotice?: string;
  readonly events: readonly DossierEvent[];
  readonly documents: readonly DocumentView[];
  readonly uploads: readonly UploadProgress[];
  readonly chain?: ChainView;
  /** The scope in force (the register service's `protocolScope`): a protocol's own, or the one a request is measured against. */
  readonly scope?: ProtocolScope;
  /** A request on a protocol: what it would change against `scope`. */
  readonly scopeChanges?: ScopeChanges;
  /** Exactly `allowedCommands(dossier, actor)` of the domain. */
  readonly allowedCommands: readonly CommandType[];
  readonly onCommand: (command: DialogCommand) => void;
  readonly onAddComment: (text: string, restriction?: 'dpo') => Promise<CommandOutcome>;
  /** True for the DPO and the Chief Statistician: the comment box offers a note for the DPO. */
  readonly canWriteRestrictedNotes?: boolean;
  /** The texts of the dossier's notes for the DPO by note id (read only for the DPO and the Chief Statistician). */
  readonly restrictedNotes?: ReadonlyMap<string, string>;
  /** The user's text for an unexpected failure (the host renders it in the user's language). */
  readonly describeFailure: (error: unknown) => string;
  readonly onUpload: (files: readonly File[], kind: UploadKind, phase: DocumentPhase) => void;
  readonly onShowFindings: (document: DocumentView) => void;
  readonly onDownload: (document: DocumentView, annotated: boolean) => void;
  readonly onOpen: (reference: string) => void;
  /** Records a condition of the approval as met (`recordConditionMet`); offered when the command is allowed. */
  readonly onRecordConditionMet?: (conditionId: string, evidence: string) => Promise<CommandOutcome>;
  /** Accepts a warning of the signed set with a reason (`acceptSignatureWarning`); offered when the command is allowed. */
  readonly onAcceptSignatureWarning?: (acceptance: SignatureWarningAcceptance) => Promise<CommandOutcome>;
  /** True when the user may store documents (DPO team). */
  readonly canUpload: boolean;
  /** A success message above the tabs, e.g. "the e-mail was sent". */
  readonly status?: string;
  /** Mails this dossier calls for now (`suggestedMailKinds`); shown only with `onComposeMail`. */
  readonly mailKinds?: readonly MailKind[];
  readonly onComposeMail?: (kind: MailKind) => void;
  /** The scheduled job's drafts to the requester waiting for preview (issue 16), rendered by the host. */
  readonly requesterDrafts?: React.ReactNode;
  /** Offered for a signed dossier when the user may publish: converts the countersigned document to PDF. */
  readonly onCreatePublicationVersion?: () => void;
  /** True while the publication version is being made. */
  readonly creatingPublicationVersion?: boolean;
  /** A person's status change of a finding (`changeFindingStatus`). */
  readonly onChangeFindingStatus?: (request: FindingStatusRequest) => Promise<CommandOutcome>;
  /** A new reviewer remark (`recordFindings`; the host gives the id). */
  readonly onRecordFinding?: (finding: Omit<NewReviewerFinding, 'id'>) => Promise<CommandOutcome>;
  /** The forms engine's messages, once loaded (automatic findings in the reader's language). */
  readonly findingMessages?: MessageCatalog;
  /** Reads two versions of a document and gives their per-field differences ("Verschillen"). */
  readonly onCompareVersions?: (document: DocumentView, before: VersionRef, after: VersionRef) => Promise<readonly FieldDifference[]>;
  /** Lifecycle (issue 16): the dates in force from the protocol chain (the register service's `lifecycle.dates`). */
  readonly lifecycleDates?: EffectiveDates;
  readonly now: IsoDateTime;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

const keepOpen = (): void => undefined;

/**
 * One dossier: its actions (exactly the commands the workflow table allows this user now), and
 * tabs with the summary and stepper, the documents with their checks, and the timeline.
 */
export function DossierPanel(props: DossierPanelProps): React.ReactElement {
  const { strings, lang, dossier } = props;
  // Comments have their own box in the timeline.
  const actions = props.allowedCommands.filter(isDialogCommand).filter((c) => c !== 'addComment');
  const title = props.reference ? formatText(strings.panelLabel, { reference: props.reference }) : '';
  const [differencesOf, setDifferencesOf] = React.useState<DocumentView | undefined>(undefined);
  const canChangeFindings = props.allowedCommands.includes('changeFindingStatus') && !!props.onChangeFindingStatus;
  const canRecordFindings = props.allowedCommands.includes('recordFindings') && !!props.onRecordFinding;
  const compareVersions = props.onCompareVersions;
  return (
    <Panel
      isOpen={props.reference !== undefined}
      onDismiss={props.onDismiss}
      type={PanelType.large}
      headerText={title}
      closeButtonAriaLabel={strings.close}
      // Dialogs opened from the panel render in their own layer, outside the panel: a click there must
      // not close the panel. It closes with its close button or Escape.
      onOuterClick={keepOpen}
    >
      {props.notice && <MessageBar messageBarType={MessageBarType.severeWarning}>{props.notice}</MessageBar>}
      {props.error && <MessageBar messageBarType={MessageBarType.error}>{props.error}</MessageBar>}
      {props.institutionNotice && (
        <MessageBar messageBarType={MessageBarType.warning} aria-label={strings.institutionNoticeLabel}>{props.institutionNotice}</MessageBar>
      )}
      {props.status && <MessageBar messageBarType={MessageBarType.success}>{props.status}</MessageBar>}
      {props.loading && !dossier && <Spinner size={SpinnerSize.large} label={strings.loading} />}
      {dossier && (
        <Stack tokens={{ childrenGap: 12 }}>
          <section aria-label={strings.actionsLabel}>
            {actions.length === 0 ? (
              <p>{strings.noActions}</p>
            ) : (
              <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
                {actions.map((command) => (
                  <DefaultButton key={command} data-command={command} text={commandLabel(command, lang)} onClick={() => props.onCommand(command)} />
                ))}
              </Stack>
            )}
          </section>
          {((props.onComposeMail && props.mailKinds && props.mailKinds.length > 0) || props.onCreatePublicationVersion) && (
            <section aria-label={strings.mailLabel}>
              <Stack horizontal wrap tokens={{ childrenGap: 8 }}>
                {props.onComposeMail && props.mailKinds?.map((kind) => (
                  <DefaultButton key={kind} data-mail={kind} iconProps={{ iconName: 'Mail' }} text={formatText(strings.composeMail, { kind: mailKindLabel(kind, lang, dossier.procedure) })}
                    onClick={() => props.onComposeMail?.(kind)} />
                ))}
                {props.onCreatePublicationVersion && (
                  <DefaultButton text={strings.createPublicationVersion} disabled={props.creatingPublicationVersion} onClick={props.onCreatePublicationVersion} />
                )}
              </Stack>
            </section>
          )}
          {props.requesterDrafts}
          <Pivot aria-label={title}>
            <PivotItem headerText={strings.tabSummary} itemKey="summary">
              <DossierSummary
                dossier={dossier}
                deadline={props.deadline ?? noDeadline}
                chain={props.chain}
                onOpen={props.onOpen}
                now={props.now}
                lang={lang}
                strings={strings}
              />
              {hasLifecycle(dossier, props.lifecycleDates) && <LifecycleSection dossier={dossier} dates={props.lifecycleDates} now={props.now} lang={lang} strings={strings} />}
            </PivotItem>
            {props.scope && (
              <PivotItem headerText={strings.tabScope} itemKey="scope">
                <ScopeSection scope={props.scope} changes={props.scopeChanges} lang={lang} strings={strings} />
              </PivotItem>
            )}
            {dossier.conditions.length > 0 && (
              <PivotItem headerText={`${strings.followUp.tab} (${dossier.conditions.filter((c) => c.status === 'open').length})`} itemKey="conditions">
                <ConditionsSection
                  conditions={dossier.conditions}
                  today={props.now.slice(0, 10)}
                  onRecordMet={props.allowedCommands.includes('recordConditionMet') ? props.onRecordConditionMet : undefined}
                  describeFailure={props.describeFailure}
                  lang={lang}
                  strings={strings}
                />
              </PivotItem>
            )}
            <PivotItem headerText={`${strings.tabDocuments} (${props.documents.length})`} itemKey="documents">
              <DocumentsSection
                documents={props.documents}
                uploads={props.uploads}
                canUpload={props.canUpload}
                defaultPhase={checkPhaseForState(dossier.state)}
                onUpload={props.onUpload}
                onShowFindings={props.onShowFindings}
                onDownload={props.onDownload}
                onShowDifferences={compareVersions ? setDifferencesOf : undefined}
                canCompare={(document) => comparableVersions(document, dossier.documents).length > 1}
                signedSet={signedSetView(dossier)}
                onAcceptSignatureWarning={props.allowedCommands.includes('acceptSignatureWarning') ? props.onAcceptSignatureWarning : undefined}
                describeFailure={props.describeFailure}
                lang={lang}
                strings={strings}
              />
            </PivotItem>
            {(dossier.findings.length > 0 || canRecordFindings) && (
              <PivotItem headerText={`${strings.review.tabFindings} (${dossier.findings.length})`} itemKey="findings">
                <ReviewFindingsSection
                  dossier={dossier}
                  canChangeStatus={canChangeFindings}
                  canRecord={canRecordFindings}
                  onChangeStatus={(request) => props.onChangeFindingStatus?.(request) ?? Promise.resolve({ ok: false, kind: 'failed', message: '' })}
                  onRecord={(finding) => props.onRecordFinding?.(finding) ?? Promise.resolve({ ok: false, kind: 'failed', message: '' })}
                  messages={props.findingMessages}
                  lang={lang}
                  strings={strings}
                />
              </PivotItem>
            )}
            <PivotItem headerText={`${strings.tabTimeline} (${props.events.length})`} itemKey="timeline">
              <TimelineSection
                events={props.events}
                onAddComment={props.allowedCommands.includes('addComment') ? props.onAddComment : undefined}
                canRestrict={props.canWriteRestrictedNotes}
                restrictedNotes={props.restrictedNotes}
                describeFailure={props.describeFailure}
                lang={lang}
                strings={strings}
              />
            </PivotItem>
          </Pivot>
        </Stack>
      )}
      {differencesOf && compareVersions && (
        <VersionDifferences
          fileName={differencesOf.fileName}
          versions={comparableVersions(differencesOf, dossier?.documents ?? [])}
          onCompare={(before, after) => compareVersions(differencesOf, before, after)}
          onDismiss={() => setDifferencesOf(undefined)}
          describeFailure={props.describeFailure}
          lang={lang}
          strings={strings}
        />
      )}
    </Panel>
  );
}
