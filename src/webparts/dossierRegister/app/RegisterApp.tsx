import * as React from 'react';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { allowedCommands } from '../../../domain/permissions';
import { protocolNumberOf } from '../../../domain/chain';
import { overdue } from '../../../domain/deadlines';
import type { CommandType, DocumentPhase, Dossier, IsoDateTime, Lang } from '../../../domain/types';
import type { DossierEvent } from '../../../domain/events';
import type { Command } from '../../../domain/commands';
import { hasDataErrorCode, isDataError } from '../../../data/errors';
import type { DataLayer } from '../../../composition/dataLayer';
import type { StoredDocument } from '../../../data/ports';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import { toCommandPayload, type CommandDialogContext, type CommandPayload, type CommandValues, type DialogCommand } from '../../../ui/dialogs/commandForm';
import type { NewDossierInput } from '../../../ui/dialogs/NewDossierDialog';
import type { UploadKind } from '../../../ui/panel/DocumentsSection';
import type { ChainView, DocumentView, UploadProgress } from '../../../ui/panel/panelTypes';
import { RegisterView } from '../../../ui/register/RegisterView';
import { entryFromDossier, toDossierRow, type DossierRow } from '../../../ui/register/registerRows';
import { formatText } from '../../../ui/shared/format';
import type { CommandOutcome } from '../../../ui/shared/outcome';
import type { UiStrings } from '../../../ui/strings';
import { runAsync } from '../../../ui/shared/runAsync';
import { ErrorBox, TabBar } from '../../../ui/shared/controls';
import { bytesOf, newCommandId, saveFileInBrowser } from './browserFiles';
import { useLeadTimeHistories, useRegisterList } from './useRegisterList';
import { checkDocx, loadFormsEngine, projectFromForm, registrationOf, type CheckedDocument } from './documentChecks';
import { chainFromRows, documentView, isDocx } from './registerEntries';
import type { RegisterMail, RegisterMailLoader } from './registerMail';
import type { MailKind } from '../../../correspondence/types';
import { useExtensionReminders } from './useExtensionReminders';
import type { ExtensionReminder } from '../../../publication/extension';

// The panel, the dialogs and the dashboard load on first use: the register list renders without them
// (bundle budget, see docs/performance.md).
const DossierPanel = React.lazy(() =>
  import(/* webpackChunkName: 'register-panel' */ '../../../ui/panel/DossierPanel').then((m) => ({ default: m.DossierPanel })));
const CommandDialog = React.lazy(() =>
  import(/* webpackChunkName: 'register-dialogs' */ '../../../ui/dialogs/CommandDialog').then((m) => ({ default: m.CommandDialog })));
const NewDossierDialog = React.lazy(() =>
  import(/* webpackChunkName: 'register-dialogs' */ '../../../ui/dialogs/NewDossierDialog').then((m) => ({ default: m.NewDossierDialog })));
const Dashboard = React.lazy(() =>
  import(/* webpackChunkName: 'register-dashboard' */ '../../../ui/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const MailboxTab = React.lazy(() =>
  import(/* webpackChunkName: 'register-mail' */ './MailboxTab').then((m) => ({ default: m.MailboxTab })));
const MailComposer = React.lazy(() =>
  import(/* webpackChunkName: 'register-mail' */ './MailComposer').then((m) => ({ default: m.MailComposer })));

/** The parts of the data layer the register uses. */
export type RegisterBackend = Pick<DataLayer, 'readModel' | 'dossiers' | 'documents' | 'directory' | 'lookups' | 'commands'>;

/** Props of the register application (web part, Teams tab and local workbench). */
export interface RegisterAppProps {
  readonly data: RegisterBackend;
  readonly strings: UiStrings;
  readonly lang: Lang;
  /** Register page size (1..5000); the whole register is read page by page. */
  readonly pageSize?: number;
  readonly clock?: () => IsoDateTime;
  readonly openInWordUrl?: (document: StoredDocument) => string | undefined;
  readonly saveFile?: (fileName: string, bytes: Uint8Array) => void;
  /**
   * Lead-time fallback for rows without a `StateHistory` value (written before the column existed):
   * how many of them the dashboard loads in full (most recently changed first). Default 100.
   */
  readonly leadTimeSample?: number;
  /**
   * The mail features (mailbox intake, correspondence, publication version, one-click extension),
   * composed on first use; absent = no Graph client, the register works without them.
   */
  readonly mail?: RegisterMailLoader;
}

interface Detail {
  readonly dossier?: Dossier;
  readonly events: readonly DossierEvent[];
  readonly documents: readonly StoredDocument[];
  readonly chain?: ChainView;
}

const emptyDetail: Detail = { events: [], documents: [] };
const registeringCommands: Partial<Record<CommandType, DocumentPhase>> = {
  registerDraftDocuments: 'draft',
  registerSignedDocuments: 'signed',
  countersign: 'countersigned',
  publish: 'publication'
};
const checkKey = (document: Pick<StoredDocument, 'id' | 'version'>): string => `${document.id}@${document.version}`;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The dossier register with its panel, dialogs and dashboard, wired to the data layer. All rules come
 * from the domain (`allowedCommands`, `decide` inside the command service, `overdue`) and the forms
 * engine (`readForm`, `checkForm`, `annotate`); this component only loads, sends and shows.
 */
export function RegisterApp(props: RegisterAppProps): React.ReactElement {
  const { data, strings, lang } = props;
  const clock = props.clock ?? ((): IsoDateTime => new Date().toISOString());
  const saveFile = props.saveFile ?? saveFileInBrowser;
  const pageSize = props.pageSize ?? 500;

  const register = useRegisterList(data, pageSize, strings, clock);
  const { actor, entries, putEntry } = register;
  const [tab, setTab] = React.useState<string>('register');
  const leadTimes = useLeadTimeHistories(tab === 'dashboard' && !register.loading, entries, data, props.leadTimeSample ?? 100);

  const [openReference, setOpenReference] = React.useState<string | undefined>(undefined);
  const [detail, setDetail] = React.useState<Detail>(emptyDetail);
  const [detailLoading, setDetailLoading] = React.useState(false);
  const [detailError, setDetailError] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const [uploads, setUploads] = React.useState<UploadProgress[]>([]);
  const [versionLists, setVersionLists] = React.useState<ReadonlyMap<string, readonly string[]>>(new Map());
  const [checked, setChecked] = React.useState<ReadonlyMap<string, CheckedDocument | Error | 'loading'>>(new Map());

  const [newDossierOpen, setNewDossierOpen] = React.useState(false);
  const [dialogCommand, setDialogCommand] = React.useState<DialogCommand | undefined>(undefined);
  const [dialogFacts, setDialogFacts] = React.useState<Pick<CommandDialogContext, 'statisticians' | 'documents' | 'suggestedNumber'>>({ statisticians: [], documents: [] });

  // --- Mail features (DPO team): composed on first use, in their own chunk.
  const isDpoTeam = !!actor?.roles.includes('dpoTeam');
  const [mail, setMail] = React.useState<RegisterMail | undefined>(undefined);
  const [mailError, setMailError] = React.useState<string | undefined>(undefined);
  const mailRequested = React.useRef(false);
  const loadMail = props.mail;
  const wantMail = !!loadMail && isDpoTeam && (tab === 'mailbox' || tab === 'dashboard' || openReference !== undefined);
  // Another loader (e.g. a new mailbox address in the property pane) means other services.
  React.useEffect(() => {
    mailRequested.current = false;
    setMail(undefined);
    setMailError(undefined);
  }, [loadMail]);
  React.useEffect(() => {
    if (!wantMail || !loadMail || mailRequested.current) return;
    mailRequested.current = true;
    runAsync(loadMail().then(setMail), (error) => {
      mailRequested.current = false;
      setMailError(formatText(strings.mailboxError, { message: messageOf(error) }));
    });
  }, [wantMail, loadMail, strings]);
  const [composeKind, setComposeKind] = React.useState<MailKind | undefined>(undefined);
  const [status, setStatus] = React.useState<string | undefined>(undefined);
  const [creatingPublication, setCreatingPublication] = React.useState(false);
  const reminders = useExtensionReminders(tab === 'dashboard', data, clock);
  const [startingExtension, setStartingExtension] = React.useState<string | undefined>(undefined);
  const [extensionStatus, setExtensionStatus] = React.useState<{ readonly ok: boolean; readonly text: string } | undefined>(undefined);

  const now = clock();
  const rows: DossierRow[] = React.useMemo(() => [...entries.values()].map((entry) => toDossierRow(entry, now, lang)),
    // `now` changes every render; the rows only need refreshing when the entries or language change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries, lang]);

  // --- Dossier detail.
  const loadDetail = React.useCallback(async (reference: string): Promise<Detail | undefined> => {
    setDetailLoading(true);
    setDetailError(undefined);
    try {
      const loaded = await data.readModel.loadDossierDetail(reference);
      const dossier = loaded.dossier;
      let chain: ChainView | undefined;
      const number = dossier ? protocolNumberOf(dossier) : undefined;
      if (number) chain = chainFromRows(number, await data.dossiers.rowsByProtocolNumber(number));
      // Version history only for files that have one (a first version has nothing to list).
      const versions = await Promise.all(loaded.documents.map((document) =>
        document.version === '1.0' ? Promise.resolve([document.version]) : data.documents.versions(reference, document.fileName).catch(() => [document.version])));
      setVersionLists(new Map(loaded.documents.map((document, index) => [document.id, versions[index]])));
      const next: Detail = { dossier, events: loaded.events.map((item) => item.event), documents: loaded.documents, chain };
      setDetail(next);
      if (dossier) putEntry(entryFromDossier(dossier, clock(), (d, at) => overdue(d, at)));
      return next;
    } catch (error) {
      setDetailError(formatText(strings.genericError, { message: messageOf(error) }));
      return undefined;
    } finally {
      setDetailLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, strings]);

  const open = (reference: string): void => {
    setOpenReference(reference);
    setDetail(emptyDetail);
    setNotice(undefined);
    setStatus(undefined);
    setUploads([]);
    runAsync(loadDetail(reference), (error) => setDetailError(messageOf(error)));
  };

  // --- Commands.
  const execute = async (reference: string, payload: CommandPayload): Promise<CommandOutcome> => {
    if (!actor) return { ok: false, kind: 'failed', message: 'not signed in' };
    const command = { ...payload, commandId: newCommandId() } as Command;
    try {
      // The user decided on the dossier as shown; if someone else changed it since, say so instead of
      // applying the command to a state the user has not seen (the store's ETag guards the rest).
      const seen = detail.dossier;
      if (seen && seen.reference === reference && payload.type !== 'registerRequest') {
        const current = await data.commands.load(reference);
        if (current.dossier && current.dossier.version !== seen.version) {
          setNotice(strings.conflict);
          await loadDetail(reference);
          return { ok: false, kind: 'conflict' };
        }
      }
      const outcome = await data.commands.execute(reference, command, actor, clock());
      if (!outcome.ok) return { ok: false, kind: 'refused', errors: outcome.errors };
      putEntry(entryFromDossier(outcome.dossier, clock(), (d, at) => overdue(d, at)));
      if (openReference === outcome.dossier.reference) await loadDetail(outcome.dossier.reference);
      return { ok: true, warnings: outcome.warnings };
    } catch (error) {
      if (hasDataErrorCode(error, 'data.error.conflict')) {
        setNotice(strings.conflict);
        if (openReference) await loadDetail(openReference);
        return { ok: false, kind: 'conflict' };
      }
      return { ok: false, kind: 'failed', message: isDataError(error) ? error.message : messageOf(error) };
    }
  };

  const registerNew = async (input: NewDossierInput): Promise<CommandOutcome> => {
    const year = Number(clock().slice(0, 4));
    const reference = await data.lookups.nextReference(year);
    const outcome = await execute(reference, { type: 'registerRequest', reference, ...input });
    if (outcome.ok) open(reference);
    return outcome;
  };

  /** Reads and checks a stored docx once per version; the result is cached for the panel and the dialogs. */
  const ensureChecked = async (document: StoredDocument, reference: string, hasMandate: boolean): Promise<CheckedDocument | undefined> => {
    const key = checkKey(document);
    const cached = checked.get(key);
    if (cached && cached !== 'loading' && !(cached instanceof Error)) return cached;
    setChecked((current) => new Map(current).set(key, 'loading'));
    try {
      const bytes = await data.documents.download(reference, document.fileName);
      const result = await checkDocx(bytes, document.fileName, document.phase ?? 'draft', clock().slice(0, 10), hasMandate);
      setChecked((current) => new Map(current).set(key, result));
      return result;
    } catch (error) {
      setChecked((current) => new Map(current).set(key, error instanceof Error ? error : new Error(String(error))));
      return undefined;
    }
  };

  const hasMandate = detail.documents.some((d) => d.kind === 'mandate');

  const openCommand = async (command: DialogCommand, current: Detail = detail): Promise<void> => {
    const dossier = current.dossier;
    if (!dossier) return;
    const phase = registeringCommands[command];
    const candidates = phase ? current.documents.filter((d) => d.phase === phase || (phase === 'signed' && d.kind === 'mandate')) : [];
    const registrations = await Promise.all(candidates.map(async (document) =>
      registrationOf(document, isDocx(document.fileName) ? await ensureChecked(document, dossier.reference, hasMandate) : undefined)));
    const statisticians = command === 'assignStatistician' ? await data.directory.membersOf('statistician').catch(() => []) : [];
    const suggestedNumber = command === 'countersign' ? await data.lookups.nextNumberFor(dossier, Number(clock().slice(0, 4))).catch(() => undefined) : undefined;
    setDialogFacts({ statisticians, documents: registrations.filter((r): r is NonNullable<typeof r> => r !== undefined), suggestedNumber });
    setDialogCommand(command);
  };

  const submitCommand = async (command: DialogCommand, values: CommandValues): Promise<CommandOutcome> => {
    const dossier = detail.dossier;
    if (!dossier) return { ok: false, kind: 'failed', message: 'no dossier' };
    let payload = await toCommandPayload(command, values, dialogFacts, { parentProtocol: (n) => data.lookups.parentProtocol(n) });
    if (payload.type === 'registerDraftDocuments') {
      const application = detail.documents.find((d) => d.kind === 'aanvraagformulier' && d.phase === 'draft');
      const form = application ? checked.get(checkKey(application)) : undefined;
      const project = form && form !== 'loading' && !(form instanceof Error) ? projectFromForm(form.form) : undefined;
      if (project) payload = { ...payload, project };
    }
    return execute(dossier.reference, payload);
  };

  // --- Mail, publication version, extension.
  const refreshEntry = (reference: string): void =>
    runAsync(
      data.commands.load(reference).then(({ dossier }) => dossier && putEntry(entryFromDossier(dossier, clock(), (d, at) => overdue(d, at)))),
      (error) => setMailError(messageOf(error))
    );

  /** Step 5: the countersigned Word document as PDF (Graph), then `publish` through the command dialog. */
  const createPublicationVersion = async (): Promise<void> => {
    const dossier = detail.dossier;
    if (!dossier || !mail) return;
    const countersigned = detail.documents.filter((d) => d.phase === 'countersigned' && isDocx(d.fileName));
    const source = countersigned.find((d) => d.kind === 'protocol' || d.kind === 'addendum') ?? countersigned[0];
    if (!source) {
      setDetailError(strings.noCountersignedDocument);
      return;
    }
    setCreatingPublication(true);
    setDetailError(undefined);
    try {
      const stored = await mail.publication.createPublicationVersion(dossier.reference, source.fileName);
      setStatus(formatText(strings.publicationVersionCreated, { fileName: stored.fileName }));
      const reloaded = await loadDetail(dossier.reference);
      if (reloaded) await openCommand('publish', reloaded);
    } catch (error) {
      setDetailError(formatText(strings.genericError, { message: messageOf(error) }));
    } finally {
      setCreatingPublication(false);
    }
  };

  /** The one-click extension request of a protocol end-date reminder. */
  const startExtension = async (reminder: ExtensionReminder): Promise<void> => {
    if (!actor || !mail) return;
    setStartingExtension(reminder.protocolNumber);
    setExtensionStatus(undefined);
    try {
      const started = await mail.startExtension(reminder.dossierReference, actor, newCommandId(), clock());
      refreshEntry(started.reference);
      reminders.reload();
      setExtensionStatus({ ok: true, text: formatText(strings.extensionStarted, { reference: started.reference, protocol: reminder.protocolNumber }) });
    } catch (error) {
      setExtensionStatus({ ok: false, text: formatText(strings.genericError, { message: messageOf(error) }) });
    } finally {
      setStartingExtension(undefined);
    }
  };

  // --- Documents.
  const upload = (files: readonly File[], kind: UploadKind, phase: DocumentPhase): void => {
    const reference = openReference;
    if (!reference) return;
    const start = uploads.length;
    setUploads((current) => [...current, ...files.map((file): UploadProgress => ({ fileName: file.name, status: 'checking' }))]);
    const update = (index: number, patch: Partial<UploadProgress>): void =>
      setUploads((current) => current.map((item, i) => (i === start + index ? { ...item, ...patch } : item)));
    runAsync((async () => {
      // The dossier's folder is created with its first document.
      let folderReady: Promise<void> | undefined;
      for (const [index, file] of files.entries()) {
        try {
          if (!/\.(docx|pdf)$/i.test(file.name)) throw new Error(formatText(strings.uploadNotDocx, { fileName: file.name }));
          const bytes = await bytesOf(file);
          const result = isDocx(file.name) ? await checkDocx(bytes, file.name, phase, clock().slice(0, 10), hasMandate) : undefined;
          const documentKind = kind === 'auto' ? result?.form.formType : kind;
          if (!documentKind) throw new Error(formatText(strings.uploadKindUnknown, { fileName: file.name }));
          update(index, { status: 'uploading', summary: result?.summary });
          folderReady ??= data.documents.ensureFolder(reference);
          await folderReady;
          const stored = await data.documents.upload(reference, file.name, bytes, { kind: documentKind, phase, check: result?.summary });
          if (result) setChecked((current) => new Map(current).set(checkKey(stored), result));
          update(index, { status: 'done' });
        } catch (error) {
          update(index, { status: 'failed', message: messageOf(error) });
        }
      }
      await loadDetail(reference);
    })(), (error) => setDetailError(messageOf(error)));
  };

  const download = (view: DocumentView, annotated: boolean): void => {
    const reference = openReference;
    const stored = detail.documents.find((d) => d.id === view.id);
    if (!reference || !stored) return;
    runAsync((async () => {
      try {
        const bytes = await data.documents.download(reference, stored.fileName);
        if (!annotated) {
          saveFile(stored.fileName, bytes);
          return;
        }
        const result = await ensureChecked(stored, reference, hasMandate);
        const { annotate } = await loadFormsEngine();
        const copy = await annotate(bytes, result?.findings ?? [], [], actor?.displayName ?? 'VSA', clock());
        saveFile(stored.fileName.replace(/\.docx$/i, ' - opmerkingen.docx'), copy);
      } catch (error) {
        setDetailError(formatText(strings.genericError, { message: messageOf(error) }));
      }
    })(), (error) => setDetailError(messageOf(error)));
  };

  const documentViews: DocumentView[] = detail.documents.map((stored) => {
    const view = { ...documentView(stored, props.openInWordUrl), versions: versionLists.get(stored.id) };
    const state = checked.get(checkKey(stored));
    if (state === 'loading') return { ...view, findingsState: 'loading' };
    if (state instanceof Error) return { ...view, findingsState: 'error', findingsError: state.message };
    if (state) return { ...view, findingsState: 'ready', findings: state.findings, summary: state.summary };
    return view;
  });

  const allowed = detail.dossier && actor ? allowedCommands(detail.dossier, actor) : [];
  const canCreate = actor ? allowedCommands(undefined, actor).includes('registerRequest') : false;

  return (
    <Stack tokens={{ childrenGap: 12 }} styles={{ root: { padding: 8 } }}>
      <Stack horizontal horizontalAlign="space-between" verticalAlign="center">
        <Text as="h1" variant="xLarge" role="heading" aria-level={1}>{strings.appTitle}</Text>
        {actor && <Text>{formatText(strings.signedInAs, { name: actor.displayName })}</Text>}
      </Stack>
      <TabBar
        label={strings.appTitle}
        idPrefix="register"
        tabs={[
          { key: 'register', text: strings.tabRegister },
          ...(loadMail && isDpoTeam ? [{ key: 'mailbox', text: strings.tabMailbox }] : []),
          { key: 'dashboard', text: strings.tabDashboard }
        ]}
        selected={tab}
        onSelect={setTab}
      />
      <div role="tabpanel" id={`register-panel-${tab}`} aria-labelledby={`register-tab-${tab}`}>
        {tab === 'register' ? (
          <RegisterView
            rows={rows}
            loading={register.loading}
            progressText={register.progress}
            error={register.loadError}
            currentUserId={actor?.id ?? ''}
            canCreate={canCreate}
            onCreate={() => setNewDossierOpen(true)}
            onOpen={open}
            onRefresh={register.reload}
            lang={lang}
            strings={strings}
          />
        ) : tab === 'mailbox' ? (
          <>
            {mailError && <ErrorBox>{mailError}</ErrorBox>}
            {mail ? (
              <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.loading} />}>
                <MailboxTab mail={mail} actor={actor} onOpen={open} onDossierChanged={refreshEntry} lang={lang} strings={strings} />
              </React.Suspense>
            ) : (
              !mailError && <Spinner size={SpinnerSize.large} label={strings.loading} />
            )}
          </>
        ) : (
          <>
            {register.loadError && <ErrorBox>{register.loadError}</ErrorBox>}
            {reminders.error && <ErrorBox>{formatText(strings.genericError, { message: reminders.error })}</ErrorBox>}
            <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.loading} />}>
              <Dashboard
                rows={rows}
                histories={leadTimes.histories}
                historyCoverage={leadTimes}
                onOpen={open}
                reminders={reminders.reminders}
                onStartExtension={mail && isDpoTeam ? (reminder) => runAsync(startExtension(reminder), (error) => setMailError(messageOf(error))) : undefined}
                startingExtension={startingExtension}
                extensionStatus={extensionStatus}
                now={now}
                lang={lang}
                strings={strings}
              />
            </React.Suspense>
          </>
        )}
      </div>
      {openReference !== undefined && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.loading} />}>
          <DossierPanel
            reference={openReference}
            onDismiss={() => setOpenReference(undefined)}
            dossier={detail.dossier}
            deadline={detail.dossier ? overdue(detail.dossier, now) : undefined}
            loading={detailLoading}
            error={detailError}
            notice={notice}
            events={detail.events}
            documents={documentViews}
            uploads={uploads}
            chain={detail.chain}
            allowedCommands={allowed}
            onCommand={(command) => runAsync(openCommand(command), (error) => setDetailError(messageOf(error)))}
            onAddComment={(text) => (detail.dossier ? execute(detail.dossier.reference, { type: 'addComment', text }) : Promise.resolve({ ok: false, kind: 'failed', message: '' }))}
            onUpload={upload}
            onShowFindings={(view) => {
              const stored = detail.documents.find((d) => d.id === view.id);
              if (stored && openReference) runAsync(ensureChecked(stored, openReference, hasMandate), (error) => setDetailError(messageOf(error)));
            }}
            onDownload={download}
            onOpen={open}
            canUpload={!!actor && actor.roles.length > 0}
            status={status}
            mailKinds={mail && isDpoTeam && detail.dossier ? mail.mailKindsFor(detail.dossier) : undefined}
            onComposeMail={mail && isDpoTeam ? setComposeKind : undefined}
            onCreatePublicationVersion={
              mail && detail.dossier?.state === 'signed' && allowed.includes('publish')
                ? () => runAsync(createPublicationVersion(), (error) => setDetailError(messageOf(error)))
                : undefined
            }
            creatingPublicationVersion={creatingPublication}
            now={now}
            lang={lang}
            strings={strings}
          />
        </React.Suspense>
      )}
      {composeKind !== undefined && mail && actor && detail.dossier && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
          <MailComposer
            key={`${detail.dossier.reference}:${composeKind}`}
            mail={mail}
            dossier={detail.dossier}
            kind={composeKind}
            actor={actor}
            onDone={(text) => {
              const reference = detail.dossier?.reference;
              setComposeKind(undefined);
              setStatus(text);
              if (reference) runAsync(loadDetail(reference), (error) => setDetailError(messageOf(error)));
            }}
            onDismiss={() => setComposeKind(undefined)}
            lang={lang}
            strings={strings}
          />
        </React.Suspense>
      )}
      {newDossierOpen && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
          <NewDossierDialog hidden={false} onDismiss={() => setNewDossierOpen(false)} onSubmit={registerNew} lang={lang} strings={strings} />
        </React.Suspense>
      )}
      {dialogCommand !== undefined && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
          <CommandDialog command={dialogCommand} context={{ ...dialogFacts, lang, strings }} onDismiss={() => setDialogCommand(undefined)} onSubmit={submitCommand} />
        </React.Suspense>
      )}
    </Stack>
  );
}
