import * as React from 'react';
import { Pivot, PivotItem } from '@fluentui/react/lib/Pivot';
import { DefaultButton } from '@fluentui/react/lib/Button';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import type { ActionResult, ApprovalsTabProps, CountersignedChoice, DecisionChoice } from './ApprovalsTab.types';
import { queueSectionIds, type QueueItem, type QueueSectionId } from './approvalsQueue';
import type { DocumentKind } from '../../domain/types';
import { cultureOf } from '../../domain/i18n/language';
import { formatText } from '../shared/format';
import { HistoryTable } from './HistoryTable';
import { QueueCard } from './QueueCard';

// The dialogs load when first opened: the decision dialog (with the conditions editor), the
// countersignature dialog and the revocation dialog (issue 16, with its text fields). The tab's first
// render stays within its bundle budget (docs/performance.md).
const DecisionDialog = React.lazy(() =>
  import(/* webpackChunkName: 'approvals-decision' */ './DecisionDialog').then((m) => ({ default: m.DecisionDialog })));
const CountersignDialog = React.lazy(() =>
  import(/* webpackChunkName: 'approvals-countersign' */ './CountersignDialog').then((m) => ({ default: m.CountersignDialog })));
const RevokeDialog = React.lazy(() =>
  import(/* webpackChunkName: 'approvals-revoke' */ './RevokeDialog').then((m) => ({ default: m.RevokeDialog })));

/** The queue item of a dossier awaiting countersignature. */
const awaitingItem = (queue: ApprovalsTabProps['queue'], reference: string): QueueItem | undefined =>
  queue?.sections.awaitingCountersignature.find((item) => item.dossier.reference === reference);

/** What the dossier countersigns: an addendum (simplified procedure) or a protocol. */
function countersignedKindOf(queue: ApprovalsTabProps['queue'], reference: string): DocumentKind {
  return awaitingItem(queue, reference)?.dossier.procedure === 'simplified' ? 'addendum' : 'protocol';
}

/** The countersigned originals already in the dossier's folder (uploaded earlier, not registered yet). */
function countersignedOriginalsOf(queue: ApprovalsTabProps['queue'], reference: string): CountersignedChoice[] {
  return (awaitingItem(queue, reference)?.documents ?? [])
    .filter((document) => document.phase === 'countersigned')
    .map((document) => ({ fileName: document.fileName, ...(document.kind ? { kind: document.kind } : {}) }));
}

type OpenDialog =
  | { readonly kind: DecisionChoice['kind']; readonly reference: string }
  | { readonly kind: 'countersign'; readonly reference: string }
  | { readonly kind: 'revoke'; readonly reference: string };

/**
 * The Chief Statistician's tab: counts in the header, the queue in three sections (oldest first,
 * overdue highlighted) and the history of decisions. Presentational: data and actions come in as props.
 */
export function ApprovalsTab(props: ApprovalsTabProps): React.ReactElement {
  const { strings, lang, queue, history, actions } = props;
  const [dialog, setDialog] = React.useState<OpenDialog>();
  const [result, setResult] = React.useState<ActionResult>();

  const sectionTitle: Record<QueueSectionId, string> = {
    awaitingDecision: strings.SectionAwaitingDecision,
    awaitingCountersignature: strings.SectionAwaitingCountersignature,
    awaitingSignatures: strings.SectionAwaitingSignatures
  };

  const closeDialog = (outcome?: ActionResult): void => {
    setDialog(undefined);
    if (outcome) {
      setResult(outcome);
      actions.reload();
    }
  };

  return (
    <div lang={cultureOf(lang)}>
      <header style={{ display: 'flex', alignItems: 'baseline', gap: 16, flexWrap: 'wrap' }}>
        <h2 style={{ margin: 0 }}>{strings.TabTitle}</h2>
        {queue && (
          <span data-testid="approvals-counts">
            {formatText(strings.CountsHeader, { decide: queue.counts.awaitingDecision, countersign: queue.counts.awaitingCountersignature, signatures: queue.counts.awaitingSignatures })}
            {queue.overdueCount > 0 && ` · ${formatText(strings.OverdueCount, { count: queue.overdueCount })}`}
          </span>
        )}
        <DefaultButton text={strings.Reload} onClick={() => actions.reload()} />
      </header>

      {!props.isChiefStatistician && <MessageBar messageBarType={MessageBarType.info}>{strings.NotChiefStatistician}</MessageBar>}
      {props.loadError && <MessageBar messageBarType={MessageBarType.error}>{props.loadError}</MessageBar>}
      {result && (
        <MessageBar
          messageBarType={result.ok ? (result.warning ? MessageBarType.warning : MessageBarType.success) : MessageBarType.error}
          onDismiss={() => setResult(undefined)}
          dismissButtonAriaLabel={strings.DismissMessage}
          isMultiline
        >
          {result.ok ? result.message : result.messages.join(' ')}
        </MessageBar>
      )}
      {props.settingsNotices && props.settingsNotices.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning} isMultiline>
          {props.settingsNotices.map((line) => <div key={line}>{line}</div>)}
        </MessageBar>
      )}
      {props.unreadable && props.unreadable.length > 0 && (
        <MessageBar messageBarType={MessageBarType.warning}>{formatText(strings.Unreadable, { references: props.unreadable.join(', ') })}</MessageBar>
      )}

      <Pivot aria-label={strings.TabTitle}>
        <PivotItem headerText={strings.QueueTab} itemKey="queue">
          {!queue && !props.loadError && <Spinner label={strings.Loading} />}
          {queue &&
            queueSectionIds.map((id) => (
              <section key={id} aria-labelledby={`section-${id}`}>
                <h3 id={`section-${id}`}>
                  {sectionTitle[id]} ({queue.counts[id]})
                </h3>
                {queue.sections[id].length === 0 ? (
                  <p>{strings.EmptySection}</p>
                ) : (
                  queue.sections[id].map((item) => (
                    <QueueCard
                      key={item.dossier.reference}
                      item={item}
                      strings={strings}
                      lang={lang}
                      onDecision={(reference, kind) => setDialog({ kind, reference })}
                      onCountersign={(reference) => setDialog({ kind: 'countersign', reference })}
                    />
                  ))
                )}
              </section>
            ))}
        </PivotItem>
        <PivotItem headerText={strings.HistoryTab} itemKey="history">
          {history ? (
            <HistoryTable history={history} strings={strings} lang={lang} onRevoke={actions.revoke ? (reference) => setDialog({ kind: 'revoke', reference }) : undefined} />
          ) : (
            <Spinner label={strings.Loading} />
          )}
        </PivotItem>
      </Pivot>

      {dialog && dialog.kind === 'revoke' && actions.revoke && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <RevokeDialog
            reference={dialog.reference}
            today={props.today ?? new Date().toISOString().slice(0, 10)}
            strings={strings}
            onSubmit={(input) => (actions.revoke as NonNullable<typeof actions.revoke>)(dialog.reference, input)}
            describeFailure={actions.describeFailure}
            onClose={closeDialog}
          />
        </React.Suspense>
      )}
      {dialog && dialog.kind !== 'countersign' && dialog.kind !== 'revoke' && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <DecisionDialog
            kind={dialog.kind}
            reference={dialog.reference}
            advice={queue?.sections.awaitingDecision.find((item) => item.dossier.reference === dialog.reference)?.dossier.advice}
            strings={strings}
            lang={lang}
            onSubmit={(choice) => actions.decide(dialog.reference, choice)}
            describeFailure={actions.describeFailure}
            onClose={closeDialog}
          />
        </React.Suspense>
      )}
      {dialog && dialog.kind === 'countersign' && (
        <React.Suspense fallback={<Spinner label={strings.Loading} />}>
          <CountersignDialog
            reference={dialog.reference}
            strings={strings}
            lang={lang}
            kind={countersignedKindOf(queue, dialog.reference)}
            originals={countersignedOriginalsOf(queue, dialog.reference)}
            previewNumber={actions.previewNumber}
            describeFailure={actions.describeFailure}
            onUpload={(file) => actions.uploadCountersigned(dialog.reference, file)}
            onConfirm={(originals) => actions.countersign(dialog.reference, originals)}
            onClose={closeDialog}
          />
        </React.Suspense>
      )}
    </div>
  );
}
