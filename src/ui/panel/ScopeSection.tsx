import * as React from 'react';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import type { ProtocolScope, ScopeChanges, ScopeHistoryEntry, ScopeInstrument } from '../../domain/scope';
import type { InstitutionIdentity, Lang } from '../../domain/types';
import { simplifiedReasonLabel } from '../../domain/labels';
import type { UiStrings } from '../strings';
import { formatDate, formatText } from '../shared/format';

/** Props of the scope tab: what the register service computed for the open dossier. */
export interface ScopeSectionProps {
  /** The scope in force: of the protocol itself, or the one a request is measured against. */
  readonly scope: ProtocolScope;
  /** A request on the protocol: what it would change (shown above the scope it is measured against). */
  readonly changes?: ScopeChanges;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

interface Texts {
  readonly lang: Lang;
  readonly strings: UiStrings;
}

function BroughtBy({ item, lang, strings }: { item: ScopeInstrument } & Texts): React.ReactElement {
  const text = item.date ? formatText(strings.scopeBroughtBy, { instrument: item.instrument, date: formatDate(item.date, lang) }) : item.instrument;
  return <span data-instrument={item.instrument} style={{ color: '#605e5c' }}> ({text})</span>;
}

function identityText(identity: InstitutionIdentity | undefined, strings: UiStrings): string {
  if (!identity) return strings.noValue;
  return identity.enterpriseNumber ? `${identity.name} (${formatText(strings.scopeEnterpriseNumber, { number: identity.enterpriseNumber })})` : identity.name;
}

function Items({ label, children, empty }: { label: string; children: React.ReactNode[]; empty: string }): React.ReactElement {
  return (
    <>
      <dt style={{ fontWeight: 600 }}>{label}</dt>
      <dd style={{ margin: 0 }}>{children.length === 0 ? empty : <ul style={{ margin: 0, paddingLeft: 18 }}>{children}</ul>}</dd>
    </>
  );
}

/** The items in force, each with the instrument that brought it and its date. */
function ScopeInForce({ scope, lang, strings }: { scope: ProtocolScope } & Texts): React.ReactElement {
  const texts = { lang, strings };
  return (
    <section aria-label={formatText(strings.scopeHeading, { protocol: scope.protocolNumber })}>
      <h3>{formatText(strings.scopeHeading, { protocol: scope.protocolNumber })}</h3>
      <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', gap: '4px 16px' }}>
        <Items label={strings.scopeVariables} empty={strings.scopeNone}>
          {scope.variables.map((v) => <li key={v.name}>{v.name}<BroughtBy item={v} {...texts} /></li>)}
        </Items>
        <Items label={strings.scopePurposes} empty={strings.scopeNone}>
          {scope.purposes.map((p) => (
            <li key={p.text}>
              {p.text}<BroughtBy item={p} {...texts} />
              {p.extends && p.extends.purposes.length > 0 ? <div>{formatText(strings.scopeExtends, { purposes: p.extends.purposes.join('; ') })}</div> : null}
            </li>
          ))}
        </Items>
        <Items label={strings.scopeSurveys} empty={strings.scopeNone}>
          {scope.surveys.map((s) => <li key={s.wave}>{s.wave}<BroughtBy item={s} {...texts} /></li>)}
        </Items>
        <dt style={{ fontWeight: 600 }}>{strings.scopeInstitution}</dt>
        <dd style={{ margin: 0 }}>{scope.institution ? <>{identityText(scope.institution, strings)}<BroughtBy item={scope.institution} {...texts} /></> : strings.scopeNone}</dd>
        <dt style={{ fontWeight: 600 }}>{strings.scopeEndDate}</dt>
        <dd style={{ margin: 0 }}>{scope.endDate ? <>{formatDate(scope.endDate.endDate, lang)}<BroughtBy item={scope.endDate} {...texts} /></> : strings.scopeNone}</dd>
      </dl>
    </section>
  );
}

/** The lines of one history entry: what the instrument added or changed. */
function entryLines(entry: ScopeHistoryEntry, { lang, strings }: Texts): string[] {
  const lines: string[] = [];
  // The protocol establishes the scope; an addendum adds to it.
  const protocol = entry.kind === 'protocol';
  if (entry.addedVariables.length > 0) lines.push(`${protocol ? strings.scopeVariables : strings.scopeAddedVariables}: ${entry.addedVariables.join(', ')}`);
  if (entry.addedSurveys.length > 0) lines.push(`${protocol ? strings.scopeSurveys : strings.scopeAddedSurveys}: ${entry.addedSurveys.join(', ')}`);
  if (entry.addedPurposes.length > 0) lines.push(`${protocol ? strings.scopePurposes : strings.scopeAddedPurposes}: ${entry.addedPurposes.join('; ')}`);
  if (entry.endDate) lines.push(formatText(strings.scopeEndDateChange, { from: entry.endDate.from ? formatDate(entry.endDate.from, lang) : strings.noValue, to: formatDate(entry.endDate.to, lang) }));
  if (entry.institution) lines.push(formatText(strings.scopeIdentityChange, { from: identityText(entry.institution.from, strings), to: identityText(entry.institution.to, strings) }));
  return lines;
}

function History({ scope, lang, strings }: { scope: ProtocolScope } & Texts): React.ReactElement {
  return (
    <section aria-label={strings.scopeHistory}>
      <h4>{strings.scopeHistory}</h4>
      <ol>
        {scope.history.map((entry) => {
          const lines = entryLines(entry, { lang, strings });
          const reasons = entry.reasons.map((reason) => simplifiedReasonLabel(reason, lang)).join(', ');
          return (
            <li key={entry.instrument} data-instrument={entry.instrument}>
              <strong>{entry.instrument}</strong>
              {entry.date ? ` · ${formatDate(entry.date, lang)}` : ''}
              {entry.kind === 'protocol' ? ` · ${strings.scopeHistoryProtocol}` : reasons ? ` · ${reasons}` : ''}
              {lines.length === 0 ? <div>{strings.scopeNoChange}</div> : <ul style={{ margin: 0, paddingLeft: 18 }}>{lines.map((line) => <li key={line}>{line}</li>)}</ul>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** A request's diff: what it adds or changes, and what it asks that is already in force. */
function Changes({ changes, lang, strings }: { changes: ScopeChanges } & Texts): React.ReactElement {
  const heading = formatText(strings.scopeChangesHeading, { protocol: changes.protocolNumber });
  const lines: string[] = [];
  if (changes.addedVariables.length > 0) lines.push(`${strings.scopeAddedVariables}: ${changes.addedVariables.map((v) => v.name).join(', ')}`);
  if (changes.addedPurposes.length > 0) lines.push(`${strings.scopeAddedPurposes}: ${changes.addedPurposes.map((p) => p.text).join('; ')}`);
  if (changes.endDate) lines.push(formatText(strings.scopeEndDateChange, { from: changes.endDate.from ? formatDate(changes.endDate.from, lang) : strings.noValue, to: formatDate(changes.endDate.to, lang) }));
  if (changes.institution?.changed) lines.push(formatText(strings.scopeIdentityChange, { from: identityText(changes.institution.from, strings), to: identityText(changes.institution.to, strings) }));
  const inForce = [
    ...changes.alreadyInForce.variables.map((v) => ({ key: `v:${v.name}`, text: v.name, item: v })),
    ...changes.alreadyInForce.purposes.map((p) => ({ key: `p:${p.text}`, text: p.text, item: p }))
  ];
  return (
    <section aria-label={heading}>
      <h3>{heading}</h3>
      {changes.asksNothingNew && <MessageBar messageBarType={MessageBarType.severeWarning}>{strings.scopeChangesNothingNew}</MessageBar>}
      {changes.endDate && !changes.endDate.later && <MessageBar messageBarType={MessageBarType.severeWarning}>{strings.scopeChangesEndNotLater}</MessageBar>}
      {lines.length > 0 && <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul>}
      {inForce.length > 0 && (
        <>
          <h4>{strings.scopeAlreadyInForce}</h4>
          <ul>{inForce.map(({ key, text, item }) => <li key={key}>{text}<BroughtBy item={item} lang={lang} strings={strings} /></li>)}</ul>
        </>
      )}
    </section>
  );
}

/**
 * The scope tab: for a protocol its scope in force and history; for a request on a protocol what it
 * would change, then the scope it is measured against.
 */
export function ScopeSection({ scope, changes, lang, strings }: ScopeSectionProps): React.ReactElement {
  return (
    <div>
      {changes && <Changes changes={changes} lang={lang} strings={strings} />}
      <ScopeInForce scope={scope} lang={lang} strings={strings} />
      <History scope={scope} lang={lang} strings={strings} />
    </div>
  );
}
