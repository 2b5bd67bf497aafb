import * as React from 'react';
import { Link } from '@fluentui/react/lib/Link';
import { procedureLabel, stateLabel, stepOf } from '../../domain/labels';
import type { Dossier, IsoDateTime, Lang } from '../../domain/types';
import type { ClockStatus } from '../../domain/clocks/status';
import { ClockSection } from '../clocks/ClockSection';
import type { UiStrings } from '../strings';
import { formatDate, formatText } from '../shared/format';
import { stepProgress } from '../shared/stepTimes';
import { uiTokens } from '../shared/tokens';
import { AdviceSummary } from './AdviceSummary';
import { ProcedureStepper } from './ProcedureStepper';
import type { ChainMember, ChainView } from './panelTypes';

/** Props of the summary tab. */
export interface DossierSummaryProps {
  readonly dossier: Dossier;
  readonly deadline: ClockStatus;
  readonly chain?: ChainView;
  readonly onOpen: (reference: string) => void;
  readonly now: IsoDateTime;
  readonly lang: Lang;
  readonly strings: UiStrings;
}

function Member({ member, onOpen, lang }: { member: ChainMember; onOpen: (reference: string) => void; lang: Lang }): React.ReactElement {
  return (
    <li>
      <Link href={`?dossier=${encodeURIComponent(member.reference)}`} onClick={(event) => { event.preventDefault(); onOpen(member.reference); }}>
        {member.number ? `${member.number} · ` : ''}{member.reference}
      </Link>{' '}
      ({stateLabel(member.state, lang)})
    </li>
  );
}

/** Summary of a dossier: requester, project, state and step, deadline, stepper, the DPO's advice and protocol chain. */
export function DossierSummary({ dossier, deadline, chain, onOpen, now, lang, strings }: DossierSummaryProps): React.ReactElement {
  const tokens = uiTokens();
  const value = (text: string | undefined): string => (text && text.length > 0 ? text : strings.noValue);
  const rows: [string, React.ReactNode][] = [
    [strings.summaryState, `${stateLabel(dossier.state, lang)} (${formatText(strings.stepOption, { step: stepOf(dossier.state, lang).text })})`],
    [strings.summaryRequester, value(dossier.requester.institution)],
    [strings.summaryContact, `${dossier.requester.contact.name} <${dossier.requester.contact.email}>`],
    [strings.summarySubject, dossier.subject],
    [strings.summaryProject, value(dossier.project?.title)],
    [strings.summaryProcedure, dossier.procedure ? procedureLabel(dossier.procedure, lang) : strings.noValue],
    [strings.summaryStatistician, dossier.assignedStatistician?.displayName ?? strings.notAssigned],
    [strings.summaryReceived, value(formatDate(dossier.receivedOn ?? dossier.createdAt, lang))],
    [
      strings.summaryDeadline,
      deadline.dueOn ? (
        <span style={{ color: deadline.overdue ? tokens.error : undefined, fontWeight: deadline.overdue ? 600 : 400 }}>
          {formatDate(deadline.dueOn, lang)}
          {deadline.overdue ? ` · ${formatText(strings.overdueBadge, { days: deadline.overdueDays })}` : ''}
        </span>
      ) : strings.noValue
    ]
  ];
  if (dossier.protocolNumber) rows.push([strings.summaryProtocol, dossier.protocolNumber]);
  if (dossier.addendumNumber) rows.push([strings.summaryAddendum, dossier.addendumNumber]);
  if (dossier.protocolEndDate) rows.push([strings.summaryEndDate, formatDate(dossier.protocolEndDate, lang)]);

  return (
    <div>
      <ProcedureStepper steps={stepProgress(dossier, now)} strings={strings} />
      <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', gap: '4px 16px' }}>
        {rows.map(([label, content]) => (
          <React.Fragment key={label}>
            <dt style={{ fontWeight: 600 }}>{label}</dt>
            <dd style={{ margin: 0 }}>{content}</dd>
          </React.Fragment>
        ))}
      </dl>
      <ClockSection status={deadline} lang={lang} strings={strings.clocks} />
      {dossier.advice && <AdviceSummary advice={dossier.advice} lang={lang} strings={strings} />}
      {chain && (
        <section aria-label={strings.chainHeading}>
          <h3>{strings.chainHeading}: {chain.protocolNumber}</h3>
          {dossier.procedure === 'simplified' ? (
            <>
              <h4>{strings.chainParent}</h4>
              <ul>{chain.protocol ? <Member member={chain.protocol} onOpen={onOpen} lang={lang} /> : <li>{chain.protocolNumber}</li>}</ul>
            </>
          ) : null}
          <h4>{strings.chainAddenda}</h4>
          {chain.addenda.length === 0 ? <p>{strings.chainNone}</p> : <ul>{chain.addenda.map((m) => <Member key={m.reference} member={m} onOpen={onOpen} lang={lang} />)}</ul>}
          {chain.pending.length > 0 && (
            <>
              <h4>{strings.chainPending}</h4>
              <ul>{chain.pending.map((m) => <Member key={m.reference} member={m} onOpen={onOpen} lang={lang} />)}</ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
