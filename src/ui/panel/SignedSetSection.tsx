import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { Stack } from '@fluentui/react/lib/Stack';
import { TextField } from '@fluentui/react/lib/TextField';
import { documentKindLabel } from '../../domain/labels';
import { SIGNATORY_CAPACITIES } from '../../domain/signatories';
import { signatureFindingExplanation, signatureFindingTitle } from '../../domain/signatureMessages';
import type { SignedSetFinding, SignedSetFindingCode } from '../../domain/signedSet';
import type { SignerMatch } from '../../domain/signerMatching';
import type { Lang } from '../../domain/types';
import type { UiStrings } from '../strings';
import { formatDate, formatDateTime, formatText } from '../shared/format';
import type { CommandOutcome } from '../shared/outcome';
import { OutcomeMessages } from '../shared/OutcomeMessages';
import { runAsync } from '../shared/runAsync';
import { uiTokens } from '../shared/tokens';
import type { SignedDocumentView } from './signedSetView';

/** A warning the DPO team accepts (→ `acceptSignatureWarning`). */
export interface SignatureWarningAcceptance {
  readonly documentId: string;
  readonly signatureIndex?: number;
  readonly code: SignedSetFindingCode;
  readonly reason: string;
}

/** Props of the signatures of the signed set. */
export interface SignedSetSectionProps {
  readonly documents: readonly SignedDocumentView[];
  /** Absent when the user may not accept a warning (`acceptSignatureWarning` not allowed). */
  readonly onAcceptWarning?: (acceptance: SignatureWarningAcceptance) => Promise<CommandOutcome>;
  readonly describeFailure: (error: unknown) => string;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

const findingKey = (finding: Pick<SignedSetFinding, 'documentId' | 'signatureIndex' | 'code'>): string =>
  `${finding.documentId}#${finding.signatureIndex ?? '-'}#${finding.code}`;

function capacityLabel(capacity: string, lang: Lang): string {
  const definition = SIGNATORY_CAPACITIES.find((entry) => entry.capacity === capacity);
  return definition ? (lang === 'nl' ? definition.labelNl : definition.labelEn) : capacity;
}

/** Whom a signature is matched to, in words. */
export function matchText(match: SignerMatch, lang: Lang, strings: UiStrings): string {
  const s = strings.signatures;
  switch (match.kind) {
    case 'authorised':
      return formatText(s.matchAuthorised, { capacity: capacityLabel(match.capacity, lang) });
    case 'mandated':
      return match.source === 'register' ? formatText(s.matchMandatedRegister, { scope: match.scope }) : formatText(s.matchMandatedDossier, { fileName: match.documentFileName });
    case 'none':
      return s.matchNone;
  }
}

/** A finding's parameters as the reader sees them (times as dates). */
function readableParams(finding: SignedSetFinding, lang: Lang): Readonly<Record<string, string | number>> | undefined {
  if (!finding.params) return undefined;
  const params: Record<string, string | number> = { ...finding.params };
  for (const name of ['signingTime', 'decisionAt']) {
    if (typeof params[name] === 'string') params[name] = formatDateTime(String(params[name]), lang);
  }
  return params;
}

/**
 * The signatures of every signed document: who signed (from the certificate), for whom that person
 * may sign, qualified or not, when, the status, and every finding in plain words; a warning can be
 * accepted with a reason by the DPO team, a blocking finding never.
 */
export function SignedSetSection({ documents, onAcceptWarning, describeFailure, lang, strings }: SignedSetSectionProps): React.ReactElement {
  const s = strings.signatures;
  const tokens = uiTokens();
  const [editing, setEditing] = React.useState<string | undefined>(undefined);
  const [reason, setReason] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [outcome, setOutcome] = React.useState<CommandOutcome | undefined>(undefined);
  if (documents.length === 0) return <React.Fragment />;

  const all = documents.flatMap((document) => [...document.documentFindings, ...document.signatures.flatMap((line) => line.findings)]);
  const blocking = all.filter((finding) => finding.severity === 'blocking').length;
  const openWarnings = all.filter((finding) => finding.severity === 'warning' && !finding.accepted).length;

  const save = async (finding: SignedSetFinding): Promise<void> => {
    if (!onAcceptWarning) return;
    setSaving(true);
    try {
      const result = await onAcceptWarning({
        documentId: finding.documentId, ...(finding.signatureIndex !== undefined ? { signatureIndex: finding.signatureIndex } : {}), code: finding.code, reason
      });
      setOutcome(result);
      if (result.ok) setEditing(undefined);
    } finally {
      setSaving(false);
    }
  };

  const renderFinding = (finding: SignedSetFinding): React.ReactElement => {
    const key = findingKey(finding);
    const color = finding.severity === 'blocking' ? tokens.error : finding.accepted ? tokens.subtle : tokens.warning;
    return (
      <li key={key} data-finding={finding.code} data-severity={finding.severity} data-accepted={finding.accepted ? 'true' : undefined}
        style={{ borderLeft: `3px solid ${color}`, padding: '2px 8px', marginBottom: 6 }}>
        <div>
          <strong style={{ color }}>{finding.severity === 'blocking' ? s.blocking : s.warning}: {signatureFindingTitle(finding.code, lang)}</strong>
        </div>
        <div style={{ fontSize: 12 }}>{signatureFindingExplanation({ code: finding.code, params: readableParams(finding, lang) }, lang)}</div>
        {finding.accepted && (
          <div style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
            {formatText(s.acceptedBy, { who: finding.accepted.by.displayName, when: formatDate(finding.accepted.at, lang), reason: finding.accepted.reason })}
          </div>
        )}
        {onAcceptWarning && finding.severity === 'warning' && !finding.accepted && editing !== key && (
          <DefaultButton text={s.accept} onClick={() => { setEditing(key); setReason(''); setOutcome(undefined); }}
            ariaLabel={`${s.accept} ${signatureFindingTitle(finding.code, lang)}`} />
        )}
        {onAcceptWarning && editing === key && (
          <Stack tokens={{ childrenGap: 4 }}>
            <TextField label={s.reasonLabel} description={s.reasonHelp} multiline rows={2} required value={reason} onChange={(_, value) => setReason(value ?? '')} />
            <Stack horizontal tokens={{ childrenGap: 8 }}>
              <PrimaryButton text={saving ? s.saving : s.confirmAccept} disabled={saving}
                onClick={() => runAsync(save(finding), (error) => setOutcome({ ok: false, kind: 'failed', message: describeFailure(error) }))} />
              <DefaultButton text={s.cancel} disabled={saving} onClick={() => setEditing(undefined)} />
            </Stack>
          </Stack>
        )}
      </li>
    );
  };

  const statusText = (status: 'valid' | 'invalid' | 'indeterminate'): string =>
    ({ valid: s.statusValid, invalid: s.statusInvalid, indeterminate: s.statusIndeterminate })[status];

  return (
    <section aria-label={s.title} data-testid="signed-set">
      <h3 style={{ margin: '8px 0' }}>{s.title}</h3>
      <div data-testid="signed-set-summary" style={{ color: blocking > 0 ? tokens.error : undefined }}>
        {blocking > 0 ? formatText(s.summaryBlocking, { count: blocking }) : openWarnings > 0 ? formatText(s.summaryWarnings, { count: openWarnings }) : s.summaryOk}
      </div>
      <OutcomeMessages outcome={outcome} lang={lang} strings={strings} />
      {documents.map((document) => (
        <div key={`${document.documentId}@${document.version}`} data-signed-document={document.documentId} style={{ marginTop: 12 }}>
          <div><strong>{documentKindLabel(document.kind, lang)}</strong> · {document.fileName} (v{document.version})</div>
          {!document.verified && <div style={{ fontSize: 12, color: tokens.subtle }}>{s.notVerified}</div>}
          {document.verified && document.signatures.length === 0 && <div style={{ fontSize: 12 }}>{s.noSignatures}</div>}
          {document.signatures.length > 0 && (
            <table style={{ borderCollapse: 'collapse', width: '100%', marginTop: 4 }}>
              <thead>
                <tr style={{ textAlign: 'left' }}>
                  <th scope="col" style={{ padding: 4 }}>{s.signer}</th>
                  <th scope="col" style={{ padding: 4 }}>{s.authority}</th>
                  <th scope="col" style={{ padding: 4 }}>{s.qualified}</th>
                  <th scope="col" style={{ padding: 4 }}>{s.signingTime}</th>
                  <th scope="col" style={{ padding: 4 }}>{s.status}</th>
                </tr>
              </thead>
              <tbody>
                {document.signatures.map((line) => (
                  <React.Fragment key={line.index}>
                    <tr data-signature={line.index} data-status={line.signature.status} style={{ borderTop: `1px solid ${tokens.border}` }}>
                      <td style={{ padding: 4 }}>{line.match.name ?? s.noName}</td>
                      <td style={{ padding: 4 }}>{matchText(line.match, lang, strings)}</td>
                      <td style={{ padding: 4 }}>{line.signature.signer?.qualified.qualified ? s.yes : s.no}</td>
                      <td style={{ padding: 4 }}>{formatDateTime(line.signature.signingTime, lang)}</td>
                      <td style={{ padding: 4, color: line.signature.status === 'valid' ? undefined : tokens.error }}>{statusText(line.signature.status)}</td>
                    </tr>
                    {line.findings.length > 0 && (
                      <tr>
                        <td colSpan={5} style={{ padding: '0 4px 4px' }}>
                          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>{line.findings.map(renderFinding)}</ul>
                        </td>
                      </tr>
                    )}
                  </React.Fragment>
                ))}
              </tbody>
            </table>
          )}
          {document.documentFindings.length > 0 && (
            <ul style={{ listStyle: 'none', padding: 0, margin: '4px 0 0' }}>{document.documentFindings.map(renderFinding)}</ul>
          )}
        </div>
      ))}
    </section>
  );
}
