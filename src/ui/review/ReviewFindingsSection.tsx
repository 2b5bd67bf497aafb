import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { ChoiceGroup } from '@fluentui/react/lib/ChoiceGroup';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import { allowedMoves } from '../../domain/guards/review';
import { currentVersions, findingProgress, groupByDocumentAndField, notAddressedFindings } from '../../domain/findings';
import type { DossierFinding, FindingAudience, FindingSeverity, FindingStatus, NewReviewerFinding } from '../../domain/findings';
import { formatError } from '../../domain/formatError';
import { documentKindLabel } from '../../domain/labels';
import type { Dossier, Lang } from '../../domain/types';
import { getFormDef } from '../../forms/catalog';
import { FORM_TYPES, type FormType } from '../../forms/types';
import { NativeSelect } from '../register/NativeSelect';
import { formatText } from '../shared/format';
import type { CommandOutcome } from '../shared/outcome';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { runAsync } from '../shared/runAsync';
import { uiTokens } from '../shared/tokens';
import type { UiStrings } from '../strings';
import { catalogFieldLabel, findingMessage, findingPlace, findingStatusLabel, seenVersions, type MessageCatalog } from './findingText';

/** A person's status change of one finding, as `changeFindingStatus` takes it. */
export interface FindingStatusRequest {
  readonly findingId: string;
  readonly status: Exclude<FindingStatus, 'addressed'>;
  readonly reason?: string;
  readonly expectedRevision: number;
}

/** Props of the findings tab. */
export interface ReviewFindingsSectionProps {
  readonly dossier: Pick<Dossier, 'findings' | 'unreadableVersions' | 'documents'>;
  /** The user may confirm, reopen and waive (`changeFindingStatus` allowed). */
  readonly canChangeStatus: boolean;
  /** The user may add remarks (`recordFindings` allowed). */
  readonly canRecord: boolean;
  readonly onChangeStatus: (request: FindingStatusRequest) => Promise<CommandOutcome>;
  /** Records a remark; the host gives it its id (a new UUID). */
  readonly onRecord: (finding: Omit<NewReviewerFinding, 'id'>) => Promise<CommandOutcome>;
  /** The forms engine's messages, once loaded: automatic findings then read in the reader's language. */
  readonly messages?: MessageCatalog;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

const conflictCode = 'dossier.error.findingChanged';
const isConflict = (outcome: CommandOutcome | undefined): boolean =>
  !!outcome && !outcome.ok && outcome.kind === 'refused' && outcome.errors.some((error) => error.code === conflictCode);

interface ItemProps {
  readonly finding: DossierFinding;
  readonly props: ReviewFindingsSectionProps;
  readonly showPlace?: boolean;
}

function Badge({ children, colour }: { readonly children: React.ReactNode; readonly colour?: string }): React.ReactElement {
  const tokens = uiTokens();
  return (
    <span style={{ border: `1px solid ${colour ?? tokens.border}`, color: colour, borderRadius: 2, padding: '0 6px', fontSize: 12, whiteSpace: 'nowrap' }}>
      {children}
    </span>
  );
}

/** One finding: text, origin, audience, severity, status, versions and the allowed moves. */
function FindingItem({ finding, props, showPlace }: ItemProps): React.ReactElement {
  const { strings, lang } = props;
  const review = strings.review;
  const tokens = uiTokens();
  const [outcome, setOutcome] = React.useState<CommandOutcome | undefined>(undefined);
  const [waiving, setWaiving] = React.useState(false);
  const [reason, setReason] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const moves = props.canChangeStatus ? allowedMoves[finding.status] : [];
  const send = async (status: FindingStatusRequest['status'], why?: string): Promise<void> => {
    setSaving(true);
    setOutcome(undefined);
    try {
      const result = await props.onChangeStatus({ findingId: finding.id, status, ...(why !== undefined ? { reason: why } : {}), expectedRevision: finding.revision });
      setOutcome(result.ok ? undefined : result);
      if (result.ok) setWaiving(false);
    } finally {
      setSaving(false);
    }
  };
  const fail = (error: unknown): void => setOutcome({ ok: false, kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  const severity = { blocking: strings.severityBlocking, warning: strings.severityWarning, info: strings.severityInfo }[finding.severity];
  const severityColour = finding.severity === 'blocking' ? tokens.error : finding.severity === 'warning' ? tokens.warning : undefined;
  return (
    <li data-finding-id={finding.id} data-finding-status={finding.status} style={{ margin: '6px 0' }}>
      <div>
        {showPlace && <strong>{documentKindLabel(finding.documentKind, lang)} · {findingPlace(finding, lang, review)}: </strong>}
        {findingMessage(finding, lang, props.messages)}
      </div>
      <Stack horizontal wrap tokens={{ childrenGap: '4 8' }} styles={{ root: { fontSize: 12, color: tokens.subtle, marginTop: 2 } }}>
        <span>{finding.origin === 'check' ? review.originCheck : formatText(review.originReviewer, { name: finding.author.displayName })}</span>
        <Badge>{finding.audience === 'requester' ? review.audienceRequester : review.audienceInternal}</Badge>
        <Badge colour={severityColour}>{severity}</Badge>
        <Badge>{findingStatusLabel(finding.status, review)}</Badge>
        <span>{seenVersions(finding, review)}</span>
        {finding.status === 'waived' && finding.waivedReason && <span>{formatText(review.waivedReason, { reason: finding.waivedReason })}</span>}
      </Stack>
      {moves.length > 0 && !waiving && (
        <Stack horizontal wrap tokens={{ childrenGap: 8 }} styles={{ root: { marginTop: 4 } }}>
          {moves.includes('resolved') && <DefaultButton text={review.confirm} disabled={saving} onClick={() => runAsync(send('resolved'), fail)} />}
          {moves.includes('open') && <DefaultButton text={review.reopen} disabled={saving} onClick={() => runAsync(send('open'), fail)} />}
          {moves.includes('waived') && <DefaultButton text={review.waive} disabled={saving} onClick={() => setWaiving(true)} />}
        </Stack>
      )}
      {waiving && (
        <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }} styles={{ root: { marginTop: 4 } }}>
          <TextField label={review.waiveReason} required value={reason} onChange={(_, value) => setReason(value ?? '')} styles={{ root: { minWidth: 280 } }} />
          <PrimaryButton text={review.waive} disabled={saving || reason.trim() === ''} onClick={() => runAsync(send('waived', reason.trim()), fail)} />
          <DefaultButton text={strings.cancel} onClick={() => setWaiving(false)} />
        </Stack>
      )}
      {isConflict(outcome) && outcome && !outcome.ok && outcome.kind === 'refused' ? (
        <MessageBar messageBarType={MessageBarType.severeWarning} isMultiline>
          {review.findingConflict}
          <ul>{outcome.errors.map((error, index) => <li key={index}>{formatError(error, lang)}</li>)}</ul>
        </MessageBar>
      ) : (
        <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
      )}
    </li>
  );
}

const formTypes: readonly FormType[] = FORM_TYPES;

/** The form to add a reviewer remark on a field of the catalog, or on a quoted text. */
function AddRemarkForm({ props }: { readonly props: ReviewFindingsSectionProps }): React.ReactElement {
  const { strings, lang } = props;
  const review = strings.review;
  const [kind, setKind] = React.useState<FormType>('aanvraagformulier');
  const [fieldId, setFieldId] = React.useState('');
  const [anchor, setAnchor] = React.useState('');
  const [text, setText] = React.useState('');
  const [audience, setAudience] = React.useState<FindingAudience>('requester');
  const [severity, setSeverity] = React.useState<FindingSeverity>('warning');
  const [outcome, setOutcome] = React.useState<CommandOutcome | undefined>(undefined);
  const [saving, setSaving] = React.useState(false);
  const fields = getFormDef(kind).sections.flatMap((section) => section.fieldIds);
  const submit = async (): Promise<void> => {
    setSaving(true);
    setOutcome(undefined);
    try {
      const result = await props.onRecord({
        documentKind: kind,
        ...(fieldId ? { fieldId } : anchor.trim() ? { textAnchor: anchor.trim() } : {}),
        text: text.trim(),
        audience,
        severity
      });
      setOutcome(result);
      if (result.ok) {
        setText('');
        setAnchor('');
      }
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-label={review.addHeading}>
      <h3 style={{ margin: '16px 0 4px' }}>{review.addHeading}</h3>
      <Stack tokens={{ childrenGap: 8 }}>
        <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
          <NativeSelect id="review-add-kind" label={review.addKind} value={kind}
            options={formTypes.map((type) => ({ key: type, text: documentKindLabel(type, lang) }))}
            onChange={(value) => { setKind(value as FormType); setFieldId(''); }} />
          <NativeSelect id="review-add-field" label={review.addField} value={fieldId}
            options={[{ key: '', text: review.addFieldNone }, ...fields.map((id) => ({ key: id, text: catalogFieldLabel(id, lang) }))]}
            onChange={setFieldId} />
          <NativeSelect id="review-add-severity" label={review.addSeverity} value={severity}
            options={[{ key: 'blocking', text: strings.severityBlocking }, { key: 'warning', text: strings.severityWarning }, { key: 'info', text: strings.severityInfo }]}
            onChange={(value) => setSeverity(value as FindingSeverity)} />
        </Stack>
        {!fieldId && <TextField label={review.addAnchor} value={anchor} onChange={(_, value) => setAnchor(value ?? '')} />}
        <TextField label={review.addText} required multiline rows={2} value={text} onChange={(_, value) => setText(value ?? '')} />
        <ChoiceGroup label={review.addAudience} selectedKey={audience}
          options={[{ key: 'requester', text: review.audienceRequester }, { key: 'internal', text: review.audienceInternal }]}
          onChange={(_, option) => option && setAudience(option.key as FindingAudience)} />
        <Stack horizontal>
          <PrimaryButton text={saving ? strings.saving : review.addSubmit} disabled={saving || text.trim() === ''}
            onClick={() => runAsync(submit(), (error) => setOutcome({ ok: false, kind: 'failed', message: String(error) }))} />
        </Stack>
        {outcome?.ok ? <MessageBar messageBarType={MessageBarType.success}>{review.added}</MessageBar> : <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />}
      </Stack>
    </section>
  );
}

/**
 * The findings tab of the dossier panel: the reviewers' progress ("3 van 7 opmerkingen verwerkt"),
 * a notice when the current version could not be read field by field, the findings a new version left
 * unaddressed ("Niet verwerkt"), every finding by document and field with its moves, and the form to
 * add a remark.
 */
export function ReviewFindingsSection(props: ReviewFindingsSectionProps): React.ReactElement {
  const { dossier, strings, lang } = props;
  const review = strings.review;
  const current = React.useMemo(() => currentVersions(dossier.documents), [dossier.documents]);
  const progress = findingProgress(dossier.findings);
  const notAddressed = notAddressedFindings(dossier.findings, current);
  const groups = groupByDocumentAndField(dossier.findings);
  const unreadable = dossier.unreadableVersions.filter((notice) => current.get(notice.documentKind) === notice.version);
  return (
    <Stack tokens={{ childrenGap: 8 }} styles={{ root: { paddingTop: 8 } }}>
      {unreadable.map((notice) => (
        <div key={`${notice.documentKind}:${notice.version}`} data-testid="unreadable-version">
          <MessageBar messageBarType={MessageBarType.warning}>
            {review.unreadableVersion} ({formatText(review.unreadableVersionDetail, { kind: documentKindLabel(notice.documentKind, lang), version: notice.version })}).
          </MessageBar>
        </div>
      ))}
      {progress.total > 0 && (
        <p data-testid="finding-progress" style={{ margin: 0, fontWeight: 600 }}>
          {formatText(review.progress, { handled: progress.handled, total: progress.total })}
          {progress.addressed > 0 && <span style={{ fontWeight: 400 }}> ({formatText(review.progressAddressed, { addressed: progress.addressed })})</span>}
        </p>
      )}
      {dossier.findings.length === 0 && <p>{review.noFindings}</p>}
      {notAddressed.length > 0 && (
        <section aria-label={review.notAddressedHeading} data-testid="not-addressed">
          <h3 style={{ margin: '8px 0 0' }}>{review.notAddressedHeading} ({notAddressed.length})</h3>
          <p style={{ margin: '2px 0' }}>{review.notAddressedHelp}</p>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {notAddressed.map((finding) => <FindingItem key={finding.id} finding={finding} props={props} showPlace />)}
          </ul>
        </section>
      )}
      {groups.length > 0 && (
        <section aria-label={review.allFindingsHeading}>
          <h3 style={{ margin: '8px 0 0' }}>{review.allFindingsHeading}</h3>
          {groups.map((group) => (
            <section key={group.documentKind} aria-label={documentKindLabel(group.documentKind, lang)} data-document-kind={group.documentKind}>
              <h4 style={{ margin: '8px 0 0' }}>{documentKindLabel(group.documentKind, lang)}</h4>
              {group.fields.map((field) => (
                <div key={field.fieldId ?? ''} data-field-id={field.fieldId ?? ''}>
                  <h5 style={{ margin: '6px 0 0' }}>{field.fieldId ? catalogFieldLabel(field.fieldId, lang) : review.wholeDocument}</h5>
                  <ul style={{ margin: 0, paddingLeft: 20 }}>
                    {field.findings.map((finding) => <FindingItem key={finding.id} finding={finding} props={props} />)}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </section>
      )}
      {props.canRecord && <AddRemarkForm props={props} />}
    </Stack>
  );
}
