/**
 * The register's "Instellingen" view (DPO team): the institutions of the register with a search, adding
 * and editing one (name, enterprise number with its checksum, kind, authorised signatories with capacity
 * and period, mandates, the institution's DPO), and the history of its changes. The rules are the
 * domain's (`institutionProblems`, shown at each field); everything is stored through the
 * `InstitutionsPort` the host gives; a change someone else made in between is reported, never overwritten.
 */
import * as React from 'react';
import { DefaultButton, PrimaryButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { TextField } from '@fluentui/react/lib/TextField';
import { formatError } from '../../domain/formatError';
import type { AuthorisedCapacity, AuthorisedSignatory, Institution, InstitutionKind, InstitutionMandate } from '../../domain/institutions';
import {
  AUTHORISED_CAPACITIES,
  INSTITUTION_KINDS,
  formatEnterpriseNumber,
  institutionProblems,
  normalizeEnterpriseNumber,
  normalizeInstitutionName,
  signatoriesAt,
  type InstitutionProblem
} from '../../domain/institutionRules';
import type { IsoDateTime, Lang } from '../../domain/types';
import { NativeSelect } from '../register/NativeSelect';
import { formatDateTime, formatText } from '../shared/format';
import { runAsync } from '../shared/runAsync';
import { uiTokens } from '../shared/tokens';
import type { InstitutionsPort, InstitutionVersionView, InstitutionViewStrings } from './InstitutionsView.types';

export type { InstitutionsPort, InstitutionVersionView, InstitutionViewStrings } from './InstitutionsView.types';

/** Props of `InstitutionsView`. */
export interface InstitutionsViewProps {
  readonly port: InstitutionsPort;
  /** A failure in the user's language (`formatFailure`: a conflict names who changed the record). */
  readonly describeFailure: (error: unknown) => string;
  /** Now, for "signatories now" in the list. */
  readonly now: IsoDateTime;
  readonly lang: Lang;
  readonly strings: InstitutionViewStrings;
}

/** The label of a kind. */
export function kindLabel(kind: InstitutionKind, strings: InstitutionViewStrings): string {
  return kind === 'overheidsdienst' ? strings.kindOverheidsdienst : kind === 'onderzoeksinstelling' ? strings.kindOnderzoeksinstelling : strings.kindAndere;
}

/** The label of a capacity. */
export function capacityLabel(capacity: AuthorisedCapacity, strings: InstitutionViewStrings): string {
  return capacity === 'verwerkingsverantwoordelijke' ? strings.capacityController : strings.capacityRepresentative;
}

/** Which parts of an institution a version changed against the one before it (labels, in form order). */
export function changedParts(newer: Institution, older: Institution | undefined, strings: InstitutionViewStrings): string[] {
  if (!older) return [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const parts: [boolean, string][] = [
    [newer.name !== older.name, strings.fieldName],
    [normalizeEnterpriseNumber(newer.enterpriseNumber) !== normalizeEnterpriseNumber(older.enterpriseNumber), strings.fieldNumber],
    [newer.kind !== older.kind, strings.fieldKind],
    [!same(newer.signatories, older.signatories), strings.signatoriesHeading],
    [!same(newer.mandates, older.mandates), strings.mandatesHeading],
    [!same(newer.dpo, older.dpo), strings.dpoHeading]
  ];
  return parts.filter(([changed]) => changed).map(([, label]) => label);
}

/** The institutions whose name or number matches a query (name normalised, number with or without separators). */
export function matchInstitutions(institutions: readonly Institution[], query: string): Institution[] {
  const name = normalizeInstitutionName(query);
  const digits = query.replace(/[\s.]/g, '');
  if (name === '') return [...institutions];
  return institutions.filter((institution) =>
    normalizeInstitutionName(institution.name).includes(name) || (/^\d+$/.test(digits) && normalizeEnterpriseNumber(institution.enterpriseNumber).includes(digits)));
}

const emptyInstitution: Institution = { id: '', name: '', enterpriseNumber: '', kind: 'onderzoeksinstelling', signatories: [], mandates: [] };
const emptySignatory: AuthorisedSignatory = { name: '', capacity: 'wettelijk vertegenwoordiger', validFrom: '' };
const emptyMandate: InstitutionMandate = { mandatedPerson: '', scope: '', validFrom: '' };

type Status = { readonly kind: 'success' | 'error'; readonly text: string } | undefined;

/** The register of institutions: list and search, add and edit, history. */
export function InstitutionsView({ port, describeFailure, now, lang, strings }: InstitutionsViewProps): React.ReactElement {
  const [institutions, setInstitutions] = React.useState<readonly Institution[] | undefined>(undefined);
  const [loadError, setLoadError] = React.useState<string | undefined>(undefined);
  const [query, setQuery] = React.useState('');
  const [draft, setDraft] = React.useState<Institution | undefined>(undefined);
  const [submitted, setSubmitted] = React.useState(false);
  const [saving, setSaving] = React.useState(false);
  const [status, setStatus] = React.useState<Status>(undefined);
  const [history, setHistory] = React.useState<{ readonly institution: Institution; readonly versions?: readonly InstitutionVersionView[]; readonly error?: string } | undefined>(undefined);
  const tokens = uiTokens();
  const cell: React.CSSProperties = { textAlign: 'left', padding: '4px 8px', borderBottom: `1px solid ${tokens.border}`, verticalAlign: 'top' };

  const load = React.useCallback(async (): Promise<readonly Institution[] | undefined> => {
    setLoadError(undefined);
    try {
      const read = await port.list();
      setInstitutions(read);
      return read;
    } catch (error) {
      setLoadError(formatText(strings.loadFailed, { message: describeFailure(error) }));
      return undefined;
    }
  }, [port, strings, describeFailure]);

  React.useEffect(() => {
    runAsync(load(), (error) => setLoadError(describeFailure(error)));
  }, [load, describeFailure]);

  const problems: InstitutionProblem[] = draft ? institutionProblems(draft, institutions ?? []) : [];
  const problemAt = (path: string): string | undefined => {
    const problem = problems.find((p) => p.path === path);
    // The number is checked as soon as something is typed; everything else after a first attempt to save.
    const shown = submitted || (path === 'enterpriseNumber' && (draft?.enterpriseNumber.replace(/\D/g, '').length ?? 0) >= 10);
    return problem && shown ? formatError({ kind: 'guard', code: problem.code, params: problem.params }, lang) : undefined;
  };

  const edit = (institution: Institution): void => {
    setDraft({ ...institution, enterpriseNumber: institution.enterpriseNumber ? formatEnterpriseNumber(institution.enterpriseNumber) : '' });
    setSubmitted(false);
    setStatus(undefined);
    setHistory(undefined);
  };
  const update = (patch: Partial<Institution>): void => setDraft((current) => (current ? { ...current, ...patch } : current));
  const updateSignatory = (index: number, patch: Partial<AuthorisedSignatory>): void =>
    setDraft((current) => (current ? { ...current, signatories: current.signatories.map((s, i) => (i === index ? { ...s, ...patch } : s)) } : current));
  const updateMandate = (index: number, patch: Partial<InstitutionMandate>): void =>
    setDraft((current) => (current ? { ...current, mandates: current.mandates.map((m, i) => (i === index ? { ...m, ...patch } : m)) } : current));

  const save = async (): Promise<void> => {
    if (!draft) return;
    setSubmitted(true);
    if (problems.length > 0) return;
    setSaving(true);
    setStatus(undefined);
    try {
      const stored = await port.save(draft);
      setDraft(undefined);
      setStatus({ kind: 'success', text: formatText(strings.saved, { name: stored.name }) });
      await load();
    } catch (error) {
      setStatus({ kind: 'error', text: formatText(strings.saveFailed, { message: describeFailure(error) }) });
    } finally {
      setSaving(false);
    }
  };

  /** After a conflict: the record as it is now (the edits are dropped; the message said so). */
  const reloadDraft = async (): Promise<void> => {
    if (!draft) return;
    const fresh = (await load())?.find((institution) => institution.id === draft.id);
    if (fresh) edit(fresh);
    else setDraft(undefined);
  };

  const showHistory = async (institution: Institution): Promise<void> => {
    setDraft(undefined);
    setHistory({ institution });
    try {
      setHistory({ institution, versions: await port.history(institution.id) });
    } catch (error) {
      setHistory({ institution, error: formatText(strings.historyFailed, { message: describeFailure(error) }) });
    }
  };

  const shown = institutions ? matchInstitutions(institutions, query) : [];
  const today = now.slice(0, 10);
  const dateField = (label: string, value: string | undefined, onChange: (value: string) => void, error: string | undefined): React.ReactElement => (
    <TextField label={label} type="date" value={value ?? ''} onChange={(_, next) => onChange(next ?? '')} errorMessage={error} styles={{ root: { minWidth: 150 } }} />
  );
  const signatoryRow = (label: string, position: number): string => formatText(strings.signatoryRow, { label, position });
  const mandateRow = (label: string, position: number): string => formatText(strings.mandateRow, { label, position });

  return (
    <Stack tokens={{ childrenGap: 20 }}>
      <section aria-labelledby="institutions-list-heading">
        <Stack horizontal horizontalAlign="space-between" verticalAlign="end" wrap tokens={{ childrenGap: 12 }}>
          <Text as="h2" variant="large" id="institutions-list-heading" block>{strings.listHeading}</Text>
          <PrimaryButton text={strings.addButton} onClick={() => edit(emptyInstitution)} disabled={saving} />
        </Stack>
        <TextField label={strings.searchLabel} value={query} onChange={(_, value) => setQuery(value ?? '')} styles={{ root: { maxWidth: 420 } }} />
        {status && <MessageBar messageBarType={status.kind === 'success' ? MessageBarType.success : MessageBarType.error}>{status.text}</MessageBar>}
        {loadError && <MessageBar messageBarType={MessageBarType.error}>{loadError}</MessageBar>}
        {institutions === undefined && !loadError && <Spinner size={SpinnerSize.medium} label={strings.loading} />}
        {institutions !== undefined && institutions.length === 0 && <Text block>{strings.empty}</Text>}
        {institutions !== undefined && institutions.length > 0 && shown.length === 0 && <Text block>{formatText(strings.noMatches, { query })}</Text>}
        {shown.length > 0 && (
          <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-labelledby="institutions-list-heading">
            <thead>
              <tr>
                {[strings.columnName, strings.columnNumber, strings.columnKind, strings.columnSignatories, strings.columnDpo, strings.columnModified, ''].map((title, index) => (
                  <th key={`${index}-${title}`} scope="col" style={cell}>{title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((institution) => (
                <tr key={institution.id}>
                  <th scope="row" style={cell}>{institution.name}</th>
                  <td style={cell}>{formatEnterpriseNumber(institution.enterpriseNumber)}</td>
                  <td style={cell}>{kindLabel(institution.kind, strings)}</td>
                  <td style={cell}>{signatoriesAt(institution, today).map((s) => `${s.name} (${capacityLabel(s.capacity, strings)})`).join(', ')}</td>
                  <td style={cell}>{institution.dpo ? `${institution.dpo.name} <${institution.dpo.email}>` : ''}</td>
                  <td style={cell}>{institution.modified ? formatText(strings.modifiedBy, { date: formatDateTime(institution.modified, lang), name: institution.modifiedBy ?? '?' }) : ''}</td>
                  <td style={cell}>
                    <Stack horizontal tokens={{ childrenGap: 8 }}>
                      <DefaultButton text={strings.editButton} ariaLabel={formatText(strings.editAria, { name: institution.name })} onClick={() => edit(institution)} />
                      <DefaultButton text={strings.historyButton} ariaLabel={formatText(strings.historyAria, { name: institution.name })} onClick={() => runAsync(showHistory(institution), () => undefined)} />
                    </Stack>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {draft && (
        <section aria-labelledby="institution-edit-heading">
          <form onSubmit={(event) => { event.preventDefault(); runAsync(save(), (error) => setStatus({ kind: 'error', text: describeFailure(error) })); }}>
            <Stack tokens={{ childrenGap: 12 }}>
              <Text as="h3" variant="mediumPlus" id="institution-edit-heading" block>
                {draft.id === '' ? strings.newHeading : formatText(strings.editHeading, { name: draft.name })}
              </Text>
              {submitted && problems.length > 0 && (
                <MessageBar messageBarType={MessageBarType.error}>
                  {strings.problemsIntro}{problems.map((p) => formatError({ kind: 'guard', code: p.code, params: p.params }, lang)).join(' ')}
                </MessageBar>
              )}
              <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
                <TextField label={strings.fieldName} required value={draft.name} onChange={(_, value) => update({ name: value ?? '' })} errorMessage={problemAt('name')} styles={{ root: { minWidth: 320 } }} />
                <TextField
                  label={strings.fieldNumber}
                  required
                  value={draft.enterpriseNumber}
                  onChange={(_, value) => update({ enterpriseNumber: value ?? '' })}
                  description={strings.fieldNumberHelp}
                  errorMessage={problemAt('enterpriseNumber')}
                  styles={{ root: { minWidth: 200 } }}
                />
                <NativeSelect
                  id="institution-kind"
                  label={strings.fieldKind}
                  value={draft.kind}
                  options={INSTITUTION_KINDS.map((kind) => ({ key: kind, text: kindLabel(kind, strings) }))}
                  onChange={(value) => update({ kind: value as InstitutionKind })}
                  minWidth={200}
                />
              </Stack>

              <fieldset style={{ border: `1px solid ${tokens.border}`, padding: 12 }}>
                <legend>{strings.signatoriesHeading}</legend>
                {draft.signatories.length === 0 && <Text block>{strings.noSignatories}</Text>}
                {draft.signatories.map((signatory, index) => (
                  <Stack key={index} horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }} styles={{ root: { marginBottom: 8 } }}>
                    <TextField label={signatoryRow(strings.signatoryName, index + 1)} value={signatory.name} onChange={(_, value) => updateSignatory(index, { name: value ?? '' })} errorMessage={problemAt(`signatories.${index}.name`)} />
                    <NativeSelect
                      id={`signatory-capacity-${index}`}
                      label={signatoryRow(strings.signatoryCapacity, index + 1)}
                      value={signatory.capacity}
                      options={AUTHORISED_CAPACITIES.map((capacity) => ({ key: capacity, text: capacityLabel(capacity, strings) }))}
                      onChange={(value) => updateSignatory(index, { capacity: value as AuthorisedCapacity })}
                      minWidth={220}
                    />
                    {dateField(signatoryRow(strings.validFrom, index + 1), signatory.validFrom, (value) => updateSignatory(index, { validFrom: value }), problemAt(`signatories.${index}.validFrom`))}
                    {dateField(signatoryRow(strings.validTo, index + 1), signatory.validTo, (value) => updateSignatory(index, { validTo: value }), problemAt(`signatories.${index}.validTo`))}
                    <DefaultButton
                      text={strings.removeSignatory}
                      ariaLabel={signatoryRow(strings.removeSignatory, index + 1)}
                      onClick={() => update({ signatories: draft.signatories.filter((_, i) => i !== index) })}
                    />
                  </Stack>
                ))}
                <DefaultButton text={strings.addSignatory} onClick={() => update({ signatories: [...draft.signatories, { ...emptySignatory, validFrom: today }] })} />
              </fieldset>

              <fieldset style={{ border: `1px solid ${tokens.border}`, padding: 12 }}>
                <legend>{strings.mandatesHeading}</legend>
                {draft.mandates.length === 0 && <Text block>{strings.noMandates}</Text>}
                {draft.mandates.map((mandate, index) => (
                  <Stack key={index} horizontal wrap verticalAlign="end" tokens={{ childrenGap: 8 }} styles={{ root: { marginBottom: 8 } }}>
                    <TextField label={mandateRow(strings.mandatedPerson, index + 1)} value={mandate.mandatedPerson} onChange={(_, value) => updateMandate(index, { mandatedPerson: value ?? '' })} errorMessage={problemAt(`mandates.${index}.mandatedPerson`)} />
                    <TextField label={mandateRow(strings.mandateDocument, index + 1)} value={mandate.documentFileName ?? ''} onChange={(_, value) => updateMandate(index, { documentFileName: value ?? '' })} />
                    <TextField label={mandateRow(strings.mandateScope, index + 1)} value={mandate.scope} onChange={(_, value) => updateMandate(index, { scope: value ?? '' })} errorMessage={problemAt(`mandates.${index}.scope`)} styles={{ root: { minWidth: 260 } }} />
                    {dateField(mandateRow(strings.validFrom, index + 1), mandate.validFrom, (value) => updateMandate(index, { validFrom: value }), problemAt(`mandates.${index}.validFrom`))}
                    {dateField(mandateRow(strings.validTo, index + 1), mandate.validTo, (value) => updateMandate(index, { validTo: value }), problemAt(`mandates.${index}.validTo`))}
                    <DefaultButton
                      text={strings.removeMandate}
                      ariaLabel={mandateRow(strings.removeMandate, index + 1)}
                      onClick={() => update({ mandates: draft.mandates.filter((_, i) => i !== index) })}
                    />
                  </Stack>
                ))}
                <DefaultButton text={strings.addMandate} onClick={() => update({ mandates: [...draft.mandates, { ...emptyMandate, validFrom: today }] })} />
              </fieldset>

              <fieldset style={{ border: `1px solid ${tokens.border}`, padding: 12 }}>
                <legend>{strings.dpoHeading}</legend>
                <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
                  <TextField label={strings.dpoName} value={draft.dpo?.name ?? ''} onChange={(_, value) => update({ dpo: { name: value ?? '', email: draft.dpo?.email ?? '' } })} errorMessage={problemAt('dpo.name')} />
                  <TextField label={strings.dpoEmail} type="email" value={draft.dpo?.email ?? ''} onChange={(_, value) => update({ dpo: { name: draft.dpo?.name ?? '', email: value ?? '' } })} errorMessage={problemAt('dpo.email')} styles={{ root: { minWidth: 260 } }} />
                </Stack>
              </fieldset>

              <Stack horizontal tokens={{ childrenGap: 8 }}>
                <PrimaryButton type="submit" text={saving ? strings.saving : strings.save} disabled={saving} />
                <DefaultButton text={strings.cancel} disabled={saving} onClick={() => { setDraft(undefined); setStatus(undefined); }} />
                {status?.kind === 'error' && draft.id !== '' && (
                  <DefaultButton text={strings.reload} disabled={saving} onClick={() => runAsync(reloadDraft(), (error) => setStatus({ kind: 'error', text: describeFailure(error) }))} />
                )}
              </Stack>
            </Stack>
          </form>
        </section>
      )}

      {history && (
        <section aria-labelledby="institution-history-heading">
          <Stack tokens={{ childrenGap: 8 }}>
            <Text as="h3" variant="mediumPlus" id="institution-history-heading" block>{formatText(strings.historyHeading, { name: history.institution.name })}</Text>
            {history.error && <MessageBar messageBarType={MessageBarType.error}>{history.error}</MessageBar>}
            {!history.versions && !history.error && <Spinner size={SpinnerSize.small} label={strings.historyLoading} />}
            {history.versions && history.versions.length === 0 && <Text block>{strings.historyEmpty}</Text>}
            {history.versions && history.versions.length > 0 && (
              <ol aria-labelledby="institution-history-heading" style={{ margin: 0, paddingLeft: 20 }}>
                {history.versions.map((version, index) => {
                  const older = history.versions?.[index + 1];
                  const changes = changedParts(version.institution, older?.institution, strings);
                  const what = older ? formatText(strings.versionChanged, { fields: changes.join(', ') || '—' }) : strings.versionCreated;
                  return (
                    <li key={version.label}>
                      {formatText(strings.versionLine, { label: version.label, date: formatDateTime(version.modified, lang), name: version.modifiedBy ?? '?' })}
                      {version.current ? ` ${strings.versionCurrent}` : ''}: {what}
                    </li>
                  );
                })}
              </ol>
            )}
            <DefaultButton text={strings.closeHistory} onClick={() => setHistory(undefined)} styles={{ root: { alignSelf: 'flex-start' } }} />
          </Stack>
        </section>
      )}
    </Stack>
  );
}
