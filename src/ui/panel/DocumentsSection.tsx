import * as React from 'react';
import { DefaultButton, ActionButton, type IButtonStyles } from '@fluentui/react/lib/Button';
import { Dropdown, type IDropdownOption } from '@fluentui/react/lib/Dropdown';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { ProgressIndicator } from '@fluentui/react/lib/ProgressIndicator';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { documentKindLabel, documentKindLabels } from '../../domain/labels';
import type { CheckSummary, DocumentKind, DocumentPhase, Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatText } from '../shared/format';
import { uiTokens } from '../shared/tokens';
import { FindingsList } from './FindingsList';
import type { DocumentView, UploadProgress } from './panelTypes';
import type { CommandOutcome } from '../shared/outcome';
import { SignedSetSection, type SignatureWarningAcceptance } from './SignedSetSection';
import type { SignedDocumentView } from './signedSetView';

/** Upload choice: a document kind, or `auto` to take the form type the file declares. */
export type UploadKind = DocumentKind | 'auto';

/** Props of the documents section of the panel. */
export interface DocumentsSectionProps {
  readonly documents: readonly DocumentView[];
  readonly uploads: readonly UploadProgress[];
  /** False when the user may not add documents (e.g. no DPO-team member). */
  readonly canUpload: boolean;
  readonly onUpload: (files: readonly File[], kind: UploadKind, phase: DocumentPhase) => void;
  /** The phase offered first: the one a form is checked as in the dossier's state (`checkPhaseForState`). */
  readonly defaultPhase?: DocumentPhase;
  readonly onShowFindings: (document: DocumentView) => void;
  readonly onDownload: (document: DocumentView, annotated: boolean) => void;
  /** "Verschillen": the per-field differences between two versions (offered for a .docx with several versions). */
  readonly onShowDifferences?: (document: DocumentView) => void;
  /** Whether there are two versions to compare (this file's, or earlier drafts of its kind in other files). */
  readonly canCompare?: (document: DocumentView) => boolean;
  /** The signed documents with their verified signatures and findings (`signedSetView`); nothing shown when empty. */
  readonly signedSet?: readonly SignedDocumentView[];
  /** Accepts a warning of the signed set with a reason (DPO team; absent when `acceptSignatureWarning` is not allowed). */
  readonly onAcceptSignatureWarning?: (acceptance: SignatureWarningAcceptance) => Promise<CommandOutcome>;
  /** The user's text for an unexpected failure of an acceptance. */
  readonly describeFailure?: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

const phases: readonly DocumentPhase[] = ['draft', 'signed', 'countersigned', 'publication', 'closeOut'];

/** Localized label of a phase. */
export function phaseLabel(phase: DocumentPhase | undefined, strings: UiStrings): string {
  if (!phase) return strings.noValue;
  return { draft: strings.phaseDraft, signed: strings.phaseSigned, countersigned: strings.phaseCountersigned, publication: strings.phasePublication, closeOut: strings.lifecycle.phaseCloseOut }[phase];
}

/** The check result in one line. */
export function checkText(document: Pick<DocumentView, 'checkStatus' | 'summary'>, strings: UiStrings): string {
  if (document.summary) return formatText(strings.checkSummary, { ...document.summary });
  if (!document.checkStatus || document.checkStatus === 'notChecked') return strings.checkNotChecked;
  if (document.checkStatus === 'passed') return strings.checkPassed;
  return document.checkStatus === 'blocking' ? strings.severityBlocking : strings.severityWarning;
}

const uploadStatusText = (upload: UploadProgress, strings: UiStrings): string => {
  switch (upload.status) {
    case 'checking': return strings.uploadChecking;
    case 'uploading': return strings.uploadUploading;
    case 'done': return upload.summary ? `${strings.uploadDone} · ${formatText(strings.checkSummary, { ...upload.summary } as Record<keyof CheckSummary, number>)}` : strings.uploadDone;
    case 'failed': return formatText(strings.uploadFailed, { message: upload.message ?? '' });
  }
};

/**
 * The document actions as one row of links of equal height, flush left under the check status, so
 * they line up from document to document (the findings toggle names its file only for screen readers).
 */
// No margin of its own: the Stack's gap spaces the actions (a margin here would cancel the gap).
const actionStyles: IButtonStyles = { root: { height: 24, padding: 0 }, label: { margin: 0 } };

/**
 * Documents of the dossier: a drop zone for several files at once (kind and phase chosen first),
 * the progress of each upload and check, and per document its versions, check result, findings,
 * the annotated copy and "open in Word"; below them, the signatures of the signed set.
 */
export function DocumentsSection(props: DocumentsSectionProps): React.ReactElement {
  const { strings, lang } = props;
  const tokens = uiTokens();
  const [kind, setKind] = React.useState<UploadKind>('auto');
  const [phase, setPhase] = React.useState<DocumentPhase>(props.defaultPhase ?? 'draft');
  // The dossier can move on (e.g. approved) while the panel stays open: offer the new default.
  React.useEffect(() => setPhase(props.defaultPhase ?? 'draft'), [props.defaultPhase]);
  const [dragging, setDragging] = React.useState(false);
  const [expanded, setExpanded] = React.useState<string | undefined>(undefined);
  const input = React.useRef<HTMLInputElement>(null);

  const kindOptions: IDropdownOption[] = [
    { key: 'auto', text: strings.uploadKindAuto },
    ...(Object.keys(documentKindLabels) as DocumentKind[]).map((k) => ({ key: k, text: documentKindLabel(k, lang) }))
  ];
  const phaseOptions: IDropdownOption[] = phases.map((p) => ({ key: p, text: phaseLabel(p, strings) }));
  const send = (files: FileList | null): void => {
    if (files && files.length > 0) props.onUpload(Array.from(files), kind, phase);
  };

  return (
    <Stack tokens={{ childrenGap: 12 }}>
      {props.canUpload && (
        <Stack tokens={{ childrenGap: 8 }}>
          <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
            <Dropdown label={strings.uploadKind} options={kindOptions} selectedKey={kind} styles={{ root: { minWidth: 220 } }}
              onChange={(_, option) => option && setKind(option.key as UploadKind)} />
            <Dropdown label={strings.uploadPhase} options={phaseOptions} selectedKey={phase} styles={{ root: { minWidth: 160 } }}
              onChange={(_, option) => option && setPhase(option.key as DocumentPhase)} />
          </Stack>
          <div
            data-testid="document-drop-zone"
            onDragOver={(event) => { event.preventDefault(); setDragging(true); }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => { event.preventDefault(); setDragging(false); send(event.dataTransfer.files); }}
            style={{
              border: `2px dashed ${dragging ? tokens.accent : tokens.border}`,
              padding: 16,
              textAlign: 'center'
            }}
          >
            <p style={{ margin: '0 0 8px' }}>{strings.documentsDrop}</p>
            <DefaultButton text={strings.documentsChoose} onClick={() => input.current?.click()} />
            <input
              ref={input}
              type="file"
              multiple
              accept=".docx,.pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf"
              aria-label={strings.documentsChoose}
              style={{ display: 'none' }}
              onChange={(event) => { send(event.target.files); event.target.value = ''; }}
            />
          </div>
        </Stack>
      )}
      {props.uploads.length > 0 && (
        <ul aria-live="polite" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {props.uploads.map((upload, index) => (
            <li key={`${upload.fileName}-${index}`} data-upload-status={upload.status}>
              {upload.status === 'checking' || upload.status === 'uploading' ? (
                <ProgressIndicator label={upload.fileName} description={uploadStatusText(upload, strings)} />
              ) : (
                <span style={{ color: upload.status === 'failed' ? tokens.error : undefined }}>
                  {upload.fileName}: {uploadStatusText(upload, strings)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.documents.length === 0 ? (
        <p>{strings.documentsEmpty}</p>
      ) : (
        <table style={{ borderCollapse: 'collapse', width: '100%' }}>
          <thead>
            <tr style={{ textAlign: 'left' }}>
              <th scope="col" style={{ width: '32%', padding: 6 }}>{strings.documentKindColumn}</th>
              <th scope="col" style={{ width: '12%', padding: 6 }}>{strings.documentPhaseColumn}</th>
              <th scope="col" style={{ width: '12%', padding: 6 }}>{strings.documentVersionColumn}</th>
              <th scope="col" style={{ padding: 6 }}>{strings.documentCheckColumn}</th>
            </tr>
          </thead>
          <tbody>
            {props.documents.map((document) => (
              <React.Fragment key={document.id}>
                <tr style={{ borderTop: `1px solid ${tokens.border}`, verticalAlign: 'top' }}>
                  <td style={{ padding: 6 }}>
                    <div><strong>{document.kind ? documentKindLabel(document.kind, lang) : strings.noValue}</strong></div>
                    <div>{document.fileName}</div>
                  </td>
                  <td style={{ padding: 6 }}>{phaseLabel(document.phase, strings)}</td>
                  <td style={{ padding: 6 }}>
                    {document.version}
                    {document.versions && document.versions.length > 1 && (
                      <div style={{ color: tokens.subtle, fontSize: 12 }}>{formatText(strings.documentVersions, { versions: document.versions.join(', ') })}</div>
                    )}
                  </td>
                  <td style={{ padding: 6 }}>
                    <div data-check-status={document.checkStatus ?? 'notChecked'}
                      style={{ color: document.checkStatus === 'blocking' ? tokens.error : document.checkStatus === 'warnings' ? tokens.warning : undefined }}>
                      {checkText(document, strings)}
                    </div>
                    <Stack horizontal wrap verticalAlign="center" tokens={{ childrenGap: '4 16' }}>
                      {document.isDocx && (
                        <ActionButton
                          styles={actionStyles}
                          aria-label={formatText(strings.showFindings, { fileName: document.fileName })}
                          aria-expanded={expanded === document.id}
                          onClick={() => {
                            const open = expanded === document.id ? undefined : document.id;
                            setExpanded(open);
                            if (open && document.findingsState === 'idle') props.onShowFindings(document);
                          }}
                        >
                          {strings.findingsButton}
                        </ActionButton>
                      )}
                      <ActionButton styles={actionStyles} onClick={() => props.onDownload(document, false)}>{strings.documentDownload}</ActionButton>
                      {document.isDocx && (
                        <ActionButton styles={actionStyles} onClick={() => props.onDownload(document, true)}>{strings.documentDownloadAnnotated}</ActionButton>
                      )}
                      {document.isDocx && props.onShowDifferences && (props.canCompare ? props.canCompare(document) : (document.versions?.length ?? 0) > 1) && (
                        <ActionButton styles={actionStyles} aria-label={`${strings.review.differences}: ${document.fileName}`}
                          onClick={() => props.onShowDifferences?.(document)}>
                          {strings.review.differences}
                        </ActionButton>
                      )}
                      {document.isDocx && document.openInWordUrl && (
                        <Link href={document.openInWordUrl} target="_blank" rel="noreferrer">
                          {strings.documentOpenInWord}
                        </Link>
                      )}
                    </Stack>
                  </td>
                </tr>
                {expanded === document.id && (
                  <tr>
                    <td colSpan={4} style={{ padding: '0 6px 12px' }}>
                      {document.findingsState === 'loading' && <Spinner size={SpinnerSize.small} label={strings.uploadChecking} />}
                      {document.findingsState === 'error' && (
                        <MessageBar messageBarType={MessageBarType.error}>{formatText(strings.genericError, { message: document.findingsError ?? '' })}</MessageBar>
                      )}
                      {document.findingsState === 'ready' && <FindingsList findings={document.findings ?? []} lang={lang} strings={strings} />}
                    </td>
                  </tr>
                )}
              </React.Fragment>
            ))}
          </tbody>
        </table>
      )}
      {props.signedSet && props.signedSet.length > 0 && (
        <SignedSetSection
          documents={props.signedSet}
          onAcceptWarning={props.onAcceptSignatureWarning}
          describeFailure={props.describeFailure ?? ((error) => (error instanceof Error ? error.message : String(error)))}
          lang={lang}
          strings={strings}
        />
      )}
    </Stack>
  );
}
