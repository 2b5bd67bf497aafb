import * as React from 'react';
import { formatFailure, isConflict } from '../../../app/failures';
import { settingsNoticeLines } from '../../../app/settingsNotices';
import { formatError } from '../../../domain/formatError';
import { isFinalState } from '../../../domain/states';
import { brusselsDate } from '../../../domain/clocks/workingDays';
import type { Actor, IsoDateTime, Lang } from '../../../domain/types';
import type { CommandOutcome } from '../../../data/commandService';
import { AppError } from '../../../app/appError';
import { newCommandId as freshCommandId } from '../../../app/commandIds';
import type { ApprovalsGateway } from '../../../data/graph/approvals/approvalsGateway';
import { ApprovalsTab } from '../../../ui/approvals/ApprovalsTab';
import type { ActionResult, ApprovalsActions, ApprovalsStrings, DecisionChoice, RevocationInput } from '../../../ui/approvals/ApprovalsTab.types';
import { buildApprovalsQueue, type ApprovalsQueueModel } from '../../../ui/approvals/approvalsQueue';
import { buildDecisionHistory, type DecisionHistoryModel } from '../../../ui/approvals/decisionHistory';
import { formatText } from '../../../ui/shared/format';
import { generatedHolidayCalendar } from '../../../domain/clocks/holidayCalendar';

/** The gateway capabilities the app uses (the Graph `ApprovalsGateway`). */
export type ApprovalsBackend = Pick<ApprovalsGateway, 'loadQueue' | 'loadHistory' | 'decide' | 'countersign' | 'nextNumber' | 'uploadCountersigned'> & Partial<Pick<ApprovalsGateway, 'settings'>> &
  // Lifecycle (issue 16): without it the history offers no revocation.
  Partial<Pick<ApprovalsGateway, 'revoke'>> & {
  readonly commands: Pick<ApprovalsGateway['commands'], 'load'>;
};

/** Props of `ApprovalsApp`. */
export interface ApprovalsAppProps {
  readonly backend: ApprovalsBackend;
  readonly actor: Actor;
  readonly strings: ApprovalsStrings;
  readonly lang: Lang;
  readonly clock?: () => IsoDateTime;
  /** One id per user action, so a retried command is recognised (idempotency). */
  readonly newCommandId?: () => string;
}

/**
 * The approvals tab wired to its backend: loads queue and history, turns command outcomes into
 * messages (domain refusals through `formatError`, conflicts explained) and reloads after each action.
 */
export function ApprovalsApp(props: ApprovalsAppProps): React.ReactElement {
  const { backend, actor, strings, lang } = props;
  const clock = props.clock ?? ((): IsoDateTime => new Date().toISOString());
  const newCommandId = props.newCommandId ?? freshCommandId;
  const [queue, setQueue] = React.useState<ApprovalsQueueModel>();
  const [history, setHistory] = React.useState<DecisionHistoryModel>();
  const [unreadable, setUnreadable] = React.useState<readonly string[]>([]);
  const [settingsNotices, setSettingsNotices] = React.useState<readonly string[]>([]);
  const [loadError, setLoadError] = React.useState<string>();
  const [generation, setGeneration] = React.useState(0);

  React.useEffect(() => {
    let live = true;
    const now = clock();
    setLoadError(undefined);
    // The clocks use the list's settings; a list that cannot be read gives the defaults and a warning.
    const settingsLoading = import(/* webpackChunkName: 'approvals-settings' */ '../../../app/procedureSettings').then(async ({ loadProcedureSettings }) => {
      const result = await loadProcedureSettings(backend.settings);
      return { settings: result.settings, notices: settingsNoticeLines(result, lang) };
    });
    Promise.all([backend.loadQueue(), settingsLoading]).then(
      ([snapshot, settings]) => {
        if (!live) return;
        const entries = snapshot.queue.map((entry) => ({ dossier: entry.dossier, documents: snapshot.documents.get(entry.dossier.reference) ?? [] }));
        setSettingsNotices(settings.notices);
        setQueue(buildApprovalsQueue(entries, actor, now, { settings: settings.settings, calendar: generatedHolidayCalendar }));
        setUnreadable(snapshot.unreadable);
      },
      (error: unknown) => live && setLoadError(formatText(strings.ErrorPrefix, { message: formatFailure(error, lang) }))
    );
    backend.loadHistory(now).then(
      (records) => live && setHistory(buildDecisionHistory(records, now, backend.revoke ? actor : undefined)),
      (error: unknown) => live && setLoadError(formatText(strings.ErrorPrefix, { message: formatFailure(error, lang) }))
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, actor, generation]);

  const toResult = (reference: string, outcome: CommandOutcome, countersigned = false): ActionResult => {
    if (!outcome.ok) return { ok: false, messages: outcome.errors.map((error) => formatError(error, lang)), errors: outcome.errors };
    // The number shown before confirming was a suggestion; the command service gives the real one.
    const number = countersigned ? (outcome.dossier.addendumNumber ?? outcome.dossier.protocolNumber) : undefined;
    if (outcome.reactionErrors.length > 0) {
      const reason = outcome.reactionErrors.map((e) => formatFailure(e, lang)).join('; ');
      const text = number ? formatText(strings.ResultCountersignedNotifyFailed, { reference, number, reason }) : formatText(strings.ResultNotifyFailed, { reference, reason });
      return { ok: true, warning: true, message: text };
    }
    return { ok: true, message: number ? formatText(strings.ResultCountersigned, { reference, number }) : formatText(strings.ResultSaved, { reference }) };
  };

  const failure = (reference: string, error: unknown): ActionResult => {
    if (isConflict(error)) {
      setGeneration((value) => value + 1);
      return { ok: false, messages: [formatText(strings.Conflict, { reference })] };
    }
    return { ok: false, messages: [formatText(strings.ErrorPrefix, { message: formatFailure(error, lang) })] };
  };

  const actions: ApprovalsActions = {
    decide: async (reference: string, choice: DecisionChoice) => {
      try {
        return toResult(reference, await backend.decide(reference, choice, actor, newCommandId()));
      } catch (error) {
        return failure(reference, error);
      }
    },
    previewNumber: async (reference: string) => {
      const loaded = await backend.commands.load(reference);
      if (!loaded.dossier || isFinalState(loaded.dossier.state)) throw new AppError('app.error.noOpenDossier', { reference });
      return backend.nextNumber(loaded.dossier);
    },
    uploadCountersigned: async (reference, file) => backend.uploadCountersigned(reference, file.name, await file.bytes()),
    countersign: async (reference, originals) => {
      try {
        return toResult(reference, await backend.countersign(reference, actor, newCommandId(), originals), true);
      } catch (error) {
        return failure(reference, error);
      }
    },
    ...(backend.revoke
      ? {
          revoke: async (reference: string, input: RevocationInput): Promise<ActionResult> => {
            try {
              const outcome = await (backend.revoke as NonNullable<typeof backend.revoke>)(reference, input, actor, newCommandId());
              const result = toResult(reference, outcome);
              return result.ok && !result.warning ? { ok: true, message: formatText(strings.ResultRevoked, { reference }) } : result;
            } catch (error) {
              return failure(reference, error);
            }
          }
        }
      : {}),
    reload: () => setGeneration((value) => value + 1),
    describeFailure: (error: unknown) => formatFailure(error, lang)
  };

  return (
    <ApprovalsTab
      strings={strings}
      lang={lang}
      queue={queue}
      history={history}
      unreadable={unreadable}
      settingsNotices={settingsNotices}
      loadError={loadError}
      isChiefStatistician={actor.roles.includes('chiefStatistician')}
      actions={actions}
      today={brusselsDate(clock())}
    />
  );
}
