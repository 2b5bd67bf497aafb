import * as React from 'react';
import { Stack } from '@fluentui/react/lib/Stack';
import { Text } from '@fluentui/react/lib/Text';
import { Spinner, SpinnerSize } from '@fluentui/react/lib/Spinner';
import type { Dossier, IsoDate, Lang } from '../../../domain/types';
import type { StoredDocument } from '../../../data/ports';
import { formatFailure } from '../../../app/failures';
import { AppError } from '../../../app/appError';
import { mayReadRestrictedNotes } from '../../../domain/capabilities';
import { brusselsDate } from '../../../domain/clocks/workingDays';
import type { CommandRequest, DialogFacts, RegisterService } from '../../../app/registerService';
import type { CommandValues, DialogCommand, GenericDialogCommand } from '../../../ui/dialogs/commandForm';
import type { CommandPayload } from '../../../ui/dialogs/commandForm';
import type { NewDossierInput } from '../../../ui/dialogs/NewDossierDialog';
import type { DocumentView } from '../../../ui/panel/panelTypes';
import { RegisterView } from '../../../ui/register/RegisterView';
import { entryFromDossier, toDossierRow, type DossierRow } from '../../../ui/register/registerRows';
import { formatText } from '../../../ui/shared/format';
import type { CommandOutcome } from '../../../ui/shared/outcome';
import type { UiStrings } from '../../../ui/strings';
import { runAsync } from '../../../ui/shared/runAsync';
import { ErrorBox, TabBar } from '../../../ui/shared/controls';
import type { MailKind } from '../../../correspondence/types';
import { bytesOf, saveFileInBrowser } from './browserFiles';
import { browserDossierLocation, type DossierLocation } from './dossierLocation';
import { chainFromRows, documentView } from './registerEntries';
import type { RegisterMailLoader } from '../../../app/registerMail';
import { checkKey, useDossierDetail } from './useDossierDetail';
import { useExtensionReminders } from './useExtensionReminders';
import { useExtensionStart } from './useExtensionStart';
import { useLeadTimeHistories } from './useLeadTimeHistories';
import { useRegisterList } from './useRegisterList';
import { useRegisterMail } from './useRegisterMail';
import { useUploads } from './useUploads';
import { useReviewFindings } from './useReviewFindings';
import { useReviewDossiers } from './useReviewDossiers';
import { useRequesterDrafts } from './useRequesterDrafts';
import type { DraftCorrespondence, RequesterDraftService, RequesterDraftsLoader, WaitingDraft } from '../../../app/requesterDrafts';
import type { ComposerTransport } from './MailComposer';
import { meetsRole } from '../../../domain/permissions';
import { requesterDraftsStrings } from '../../../ui/reminders/requesterDrafts.strings';
import { UiButton } from '../../../ui/shared/controls';

// The panel, the dialogs and the dashboard load on first use: the register list renders without them
// (bundle budget, see docs/performance.md).
const DossierPanel = React.lazy(() =>
  import(/* webpackChunkName: 'register-panel' */ '../../../ui/panel/DossierPanel').then((m) => ({ default: m.DossierPanel })));
const CommandDialog = React.lazy(() =>
  import(/* webpackChunkName: 'register-dialogs' */ '../../../ui/dialogs/CommandDialog').then((m) => ({ default: m.CommandDialog })));
const AdviceDialog = React.lazy(() =>
  import(/* webpackChunkName: 'register-dialogs' */ '../../../ui/dialogs/AdviceDialog').then((m) => ({ default: m.AdviceDialog })));
const DeliveryDialog = React.lazy(() =>
  import(/* webpackChunkName: 'register-dialogs' */ '../../../ui/lifecycle/DeliveryDialog').then((m) => ({ default: m.DeliveryDialog })));
const DecideDialog = React.lazy(() =>
  import(/* webpackChunkName: 'register-dialogs' */ '../../../ui/dialogs/DecideDialog').then((m) => ({ default: m.DecideDialog })));
const NewDossierDialog = React.lazy(() =>
  import(/* webpackChunkName: 'register-dialogs' */ '../../../ui/dialogs/NewDossierDialog').then((m) => ({ default: m.NewDossierDialog })));
const Dashboard = React.lazy(() =>
  import(/* webpackChunkName: 'register-dashboard' */ '../../../ui/dashboard/Dashboard').then((m) => ({ default: m.Dashboard })));
const MailboxTab = React.lazy(() =>
  import(/* webpackChunkName: 'register-mail' */ './MailboxTab').then((m) => ({ default: m.MailboxTab })));
const CodebooksView = React.lazy(() =>
  import(/* webpackChunkName: 'register-codebooks' */ '../../../ui/codebooks/CodebooksView').then((m) => ({ default: m.CodebooksView })));
const InstitutionsView = React.lazy(() =>
  import(/* webpackChunkName: 'register-institutions' */ '../../../ui/institutions/InstitutionsView').then((m) => ({ default: m.InstitutionsView })));
const RequesterDraftsSection = React.lazy(() =>
  import(/* webpackChunkName: 'register-drafts' */ '../../../ui/reminders/RequesterDraftsSection').then((m) => ({ default: m.RequesterDraftsSection })));
const MailComposer = React.lazy(() =>
  import(/* webpackChunkName: 'register-mail' */ './MailComposer').then((m) => ({ default: m.MailComposer })));

/** Props of the register application (web part, Teams tab and local workbench). */
export interface RegisterAppProps {
  /** The register's application service, built by the host (`createRegisterService(dataLayer)`). */
  readonly service: RegisterService;
  readonly strings: UiStrings;
  readonly lang: Lang;
  /** Register page size (1..5000); the whole register is read page by page. */
  readonly pageSize?: number;
  /** Where "Openen in Word" goes for a document of the open dossier (`reference`); absent = not offered. */
  readonly openInWordUrl?: (document: StoredDocument, reference: string) => string | undefined;
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
  /** The scheduled job's drafts to requesters (issue 16), composed on first use; absent = not shown. */
  readonly drafts?: RequesterDraftsLoader;
  /** Where the open dossier is kept in the address (`?dossier=`); default the browser's address bar. */
  readonly location?: DossierLocation;
}

const noFacts: DialogFacts = { statisticians: [], documents: [] };

/** Sending a job's draft: through the correspondence service, then the draft is marked handled (issue 16). */
function draftTransport(service: RequesterDraftService, waiting: WaitingDraft, dossier: Dossier, correspondence: DraftCorrespondence): ComposerTransport {
  return {
    send: (draft, sender, commandId) => service.send(waiting, draft, dossier, sender, commandId, correspondence),
    recordSent: (draft, sender, commandId, sentAt) => service.recordSent(waiting, draft, dossier, sender, commandId, sentAt, correspondence)
  };
}

/**
 * The dossier register with its panel, dialogs and dashboard. Every rule and every call to the data
 * layer goes through the register service; this component only loads, sends and shows.
 */
export function RegisterApp(props: RegisterAppProps): React.ReactElement {
  const { service, strings, lang } = props;
  const describeFailure = React.useCallback((error: unknown) => formatFailure(error, lang), [lang]);
  const saveFile = props.saveFile ?? saveFileInBrowser;
  const location = React.useMemo(() => props.location ?? browserDossierLocation(), [props.location]);

  const register = useRegisterList(service, props.pageSize ?? 500, strings, lang);
  const { actor, entries, putEntry } = register;
  // The last effective end date seen per protocol dossier, so a row refreshed after a command keeps it.
  const effectiveEnds = React.useRef(new Map<string, IsoDate>());
  const putDossier = React.useCallback((dossier: Dossier, effectiveEndDate?: IsoDate) => {
    if (effectiveEndDate) effectiveEnds.current.set(dossier.reference, effectiveEndDate);
    putEntry(entryFromDossier(dossier, service.now(), (d) => service.deadline(d, effectiveEnds.current.get(d.reference))));
  }, [putEntry, service]);
  const [tab, setTab] = React.useState<string>('register');
  const detail = useDossierDetail(service, strings, lang, putDossier);
  const { opened } = detail;
  const capabilities = service.capabilities(actor, opened?.dossier, opened?.lifecycle?.tableFacts);
  const leadTimes = useLeadTimeHistories(tab === 'dashboard' && !register.loading, entries, service, props.leadTimeSample ?? 100);
  const reminders = useExtensionReminders(tab === 'dashboard', service);
  const reviewDossiers = useReviewDossiers(entries, service);
  // The assigned statistician also composes the step-1 mails of the open dossier (capabilities.sendableMailKinds).
  const dossierMailWanted = capabilities.sendableMailKinds.length > 0 && detail.reference !== undefined;
  const mailWanted = !!props.mail && ((capabilities.mailFeatures && (tab === 'mailbox' || tab === 'dashboard' || detail.reference !== undefined)) || dossierMailWanted);
  const { mail, mailError, showMailFailure } = useRegisterMail(props.mail, mailWanted, strings, lang);
  const mailFeatures = mail && capabilities.mailFeatures ? mail : undefined;
  const dossierMail = mail && capabilities.sendableMailKinds.length > 0 ? mail : undefined;
  const { uploads, upload } = useUploads(service, detail, lang);
  // Issue 16: the job's drafts to the requester. The DPO team sees which dossiers have one; whoever sends
  // the kind (the DPO team, the assigned statistician) previews, sends or dismisses them in the panel.
  const draftStrings = requesterDraftsStrings[lang];
  const drafts = useRequesterDrafts(props.drafts, actor, !!actor && meetsRole('dpoTeam', actor, undefined), opened?.dossier,
    capabilities.sendableMailKinds.includes('requesterReminder'), detail.showFailure);
  const [draftsOnly, setDraftsOnly] = React.useState(false);
  const [previewing, setPreviewing] = React.useState<WaitingDraft | undefined>(undefined);
  // The "Codeboeken" view: only for who may maintain the codebooks (DPO team, statisticians).
  const codebooks = React.useMemo(() => service.codebooksFor(actor), [service, actor]);
  // The "Instellingen" view: only for the DPO team, who maintain the institution register.
  const institutions = React.useMemo(() => service.institutionsFor(actor), [service, actor]);
  // Notes for the DPO: the DPO and the Chief Statistician read their texts (the list refuses the others).
  const mayRestrict = mayReadRestrictedNotes(actor);
  const [restrictedNotes, setRestrictedNotes] = React.useState<ReadonlyMap<string, string>>(new Map());
  const openedReference = opened?.reference;
  const noteCount = opened?.dossier?.restrictedNotes.length ?? 0;
  React.useEffect(() => {
    setRestrictedNotes(new Map());
    if (!openedReference || !mayRestrict || noteCount === 0) return;
    runAsync(service.restrictedNotesOf(openedReference, actor).then(setRestrictedNotes), detail.showFailure);
    // detail.showFailure is stable enough for this purpose; the notes follow the dossier and its note count.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [service, actor, mayRestrict, openedReference, noteCount]);

  // Step 1: a notice when the open dossier's institution is not in the register (read on open, cached).
  const [institutionNotice, setInstitutionNotice] = React.useState<string | undefined>(undefined);
  const openedDossier = opened?.dossier;
  React.useEffect(() => {
    setInstitutionNotice(undefined);
    if (!openedDossier) return;
    let current = true;
    runAsync(service.institutionNoticeOf(openedDossier).then((notice) => {
      if (current) setInstitutionNotice(notice ? formatFailure(notice, lang) : undefined);
    }), detail.showFailure);
    return () => {
      current = false;
    };
    // detail.showFailure is stable enough for this purpose; the notice follows the dossier (its state and requester).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [service, openedDossier, lang]);

  const [newDossierOpen, setNewDossierOpen] = React.useState(false);
  const [dialog, setDialog] = React.useState<{ readonly command: DialogCommand; readonly facts: DialogFacts } | undefined>(undefined);
  const [composeKind, setComposeKind] = React.useState<MailKind | undefined>(undefined);
  const [creatingPublication, setCreatingPublication] = React.useState(false);

  // The address names the open dossier: open it on load, follow the panel afterwards.
  React.useEffect(() => {
    const initial = location.read();
    if (initial) detail.open(initial);
    // Only on the first render; later changes come from the panel.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  React.useEffect(() => location.write(detail.reference), [location, detail.reference]);

  const now = service.now();
  const clockInput = React.useMemo(() => ({ entries: [...entries.values()], setup: service.clockSetup() }), [entries, service, register.settingsNotices]);
  const allRows: DossierRow[] = React.useMemo(() => [...entries.values()].map((entry) => toDossierRow(entry, now, lang)),
    // `now` changes every render; the rows only need refreshing when the entries or language change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [entries, lang]);
  const rows = React.useMemo(() => (draftsOnly && drafts.counts.size > 0 ? allRows.filter((row) => drafts.counts.has(row.reference)) : allRows), [allRows, draftsOnly, drafts.counts]);

  const execute = async (reference: string, command: CommandRequest): Promise<CommandOutcome> => {
    const { outcome, reloaded } = await service.execute({ reference, command, actor, seen: opened?.dossier, openReference: detail.reference });
    if (reloaded) detail.show(reloaded);
    if (outcome.ok) {
      putDossier(outcome.dossier);
      return { ok: true, warnings: outcome.warnings };
    }
    if (outcome.kind === 'conflict') detail.setNotice(strings.conflict);
    return outcome.kind === 'failed' ? { ok: false, kind: 'failed', message: formatFailure(outcome.error, lang) } : outcome;
  };

  const registerNew = async (input: NewDossierInput): Promise<CommandOutcome> => {
    const { reference, outcome } = await service.registerNew(input, actor);
    if (outcome.ok) {
      putDossier(outcome.dossier);
      detail.open(reference);
      return { ok: true, warnings: outcome.warnings };
    }
    return outcome.kind === 'failed' ? { ok: false, kind: 'failed', message: formatFailure(outcome.error, lang) } : outcome;
  };

  const openCommand = async (command: DialogCommand, current = opened): Promise<void> => {
    if (!current) return;
    const facts = await service.dialogFacts(command, current);
    if (facts.suggestionFailure !== undefined) detail.showFailure(facts.suggestionFailure);
    setDialog({ command, facts });
  };

  /** Sends a dialog's payload with the facts of the forms the command needs (read again from the stored files). */
  const submitPayload = async (payload: CommandPayload): Promise<CommandOutcome> => {
    if (!opened?.dossier) return { ok: false, kind: 'failed', message: formatFailure(new AppError('app.error.noDossier'), lang) };
    let prepared: CommandRequest;
    try {
      prepared = await service.withFormFacts(payload as CommandRequest, opened);
    } catch (error) {
      // A form that cannot be read again fails the command visibly instead of registering without its facts.
      return { ok: false, kind: 'failed', message: formatFailure(error, lang) };
    }
    return execute(opened.reference, prepared);
  };

  const submitCommand = async (command: GenericDialogCommand, values: CommandValues): Promise<CommandOutcome> => {
    if (!opened?.dossier) return { ok: false, kind: 'failed', message: formatFailure(new AppError('app.error.noDossier'), lang) };
    // The payload's translation comes with the dialogs' chunk (loaded when the dialog opened).
    const { toCommandPayload } = await import(/* webpackChunkName: 'register-dialogs' */ '../../../ui/dialogs/commandForm');
    return submitPayload(await toCommandPayload(command, values, { ...(dialog?.facts ?? noFacts), findings: opened.dossier.findings }, { parentProtocol: (n) => service.parentProtocol(n) }));
  };

  const refreshEntry = (reference: string): void =>
    runAsync(service.loadDossier(reference).then((dossier) => dossier && putDossier(dossier)), showMailFailure);
  const extension = useExtensionStart(service, actor, mailFeatures, (reference) => {
    refreshEntry(reference);
    reminders.reload();
  }, strings, lang);

  /**
   * Step 5: the publication version of the registered countersigned original (made by the service),
   * then the mail that sends both versions to the requester; `publish` follows once it is recorded.
   */
  const createPublicationVersion = async (): Promise<void> => {
    if (!opened || !mailFeatures) return;
    setCreatingPublication(true);
    detail.setError(undefined);
    try {
      const { stored, reloaded } = await service.createPublicationVersion(opened, mailFeatures);
      detail.setStatus(formatText(strings.publicationVersionCreated, { fileName: stored.fileName }));
      detail.show(reloaded);
      // Publishing needs the recorded mail with both versions: that mail comes next, with both attached.
      setComposeKind('countersignedProtocol');
    } catch (error) {
      detail.showFailure(error);
    } finally {
      setCreatingPublication(false);
    }
  };

  const storedOf = (view: DocumentView): StoredDocument | undefined => opened?.documents.find((d) => d.id === view.id);
  const review = useReviewFindings(service, detail, execute, storedOf, strings);
  const download = (view: DocumentView, annotated: boolean): void => {
    const stored = storedOf(view);
    if (!opened || !stored) return;
    const file = annotated ? service.downloadAnnotated(opened, stored, actor?.displayName ?? 'VSA', lang) : service.download(opened, stored);
    runAsync(file.then((saved) => saveFile(saved.fileName, saved.bytes)), detail.showFailure);
  };

  const documentViews: DocumentView[] = (opened?.documents ?? []).map((stored) => {
    const openInWord = props.openInWordUrl && opened ? (document: StoredDocument) => props.openInWordUrl?.(document, opened.reference) : undefined;
    const view = { ...documentView(stored, openInWord), versions: opened?.versions.get(stored.id) };
    const state = detail.checks.get(checkKey(stored));
    if (state === 'loading') return { ...view, findingsState: 'loading' };
    if (state && 'failed' in state) return { ...view, findingsState: 'error', findingsError: state.failed };
    if (state) return { ...view, findingsState: 'ready', findings: state.findings, summary: state.summary };
    return view;
  });

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
          ...(props.mail && capabilities.mailFeatures ? [{ key: 'mailbox', text: strings.tabMailbox }] : []),
          { key: 'dashboard', text: strings.tabDashboard },
          ...(codebooks ? [{ key: 'codebooks', text: strings.tabCodebooks }] : []),
          ...(institutions ? [{ key: 'institutions', text: strings.tabInstitutions }] : [])
        ]}
        selected={tab}
        onSelect={setTab}
      />
      {register.settingsNotices.length > 0 && (
        // A plain status box (no MessageBar in the first load): the settings list could not be read or has wrong rows.
        <div role="status" aria-label={strings.clocks.settingsHeading} data-settings-notices="true" style={{ background: '#fff4ce', padding: '8px 12px' }}>
          {register.settingsNotices.map((line) => <div key={line}>{line}</div>)}
        </div>
      )}
      <div role="tabpanel" id={`register-panel-${tab}`} aria-labelledby={`register-tab-${tab}`}>
        {tab === 'register' && drafts.counts.size > 0 && (
          <div role="status" data-waiting-drafts={drafts.counts.size} style={{ display: 'flex', gap: 12, alignItems: 'center', background: '#f3f2f1', padding: '8px 12px', marginBottom: 8 }}>
            <span>{formatText(draftStrings.waitingDossiers, { count: drafts.counts.size })}</span>
            <UiButton text={draftsOnly ? draftStrings.showAll : draftStrings.showOnlyWaiting} onClick={() => setDraftsOnly(!draftsOnly)} />
          </div>
        )}
        {tab === 'register' ? (
          <RegisterView
            rows={rows}
            loading={register.loading}
            progressText={register.progress}
            error={register.loadError}
            notice={register.notice}
            currentUserId={actor?.id ?? ''}
            canCreate={capabilities.canCreate}
            onCreate={() => setNewDossierOpen(true)}
            onOpen={detail.open}
            onRefresh={register.reload}
            lang={lang}
            strings={strings}
          />
        ) : tab === 'codebooks' && codebooks ? (
          <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.loading} />}>
            <CodebooksView port={codebooks} readFile={bytesOf} describeFailure={describeFailure} lang={lang} strings={strings.codebooks} />
          </React.Suspense>
        ) : tab === 'institutions' && institutions ? (
          <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.loading} />}>
            <InstitutionsView port={institutions} describeFailure={describeFailure} now={service.now()} lang={lang} strings={strings.institutions} />
          </React.Suspense>
        ) : tab === 'mailbox' ? (
          <>
            {mailError && <ErrorBox>{mailError}</ErrorBox>}
            {mail ? (
              <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.loading} />}>
                <MailboxTab mail={mail} actor={actor} onOpen={detail.open} onDossierChanged={refreshEntry} lang={lang} strings={strings} />
              </React.Suspense>
            ) : (
              !mailError && <Spinner size={SpinnerSize.large} label={strings.loading} />
            )}
          </>
        ) : (
          <>
            {register.loadError && <ErrorBox>{register.loadError}</ErrorBox>}
            {reminders.error !== undefined && <ErrorBox>{formatText(strings.genericError, { message: formatFailure(reminders.error, lang) })}</ErrorBox>}
            <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.loading} />}>
              <Dashboard
                rows={rows}
                histories={leadTimes.histories}
                historyCoverage={leadTimes}
                onOpen={detail.open}
                reminders={reminders.reminders}
                onStartExtension={mailFeatures ? (reminder) => runAsync(extension.start(reminder), showMailFailure) : undefined}
                startingExtension={extension.starting}
                reviewDossiers={reviewDossiers.dossiers}
                onLoadReviewDossiers={register.loading ? undefined : reviewDossiers.load}
                reviewDossiersLoading={reviewDossiers.loading}
                extensionStatus={extension.status}
                clocks={clockInput}
                onSaveFile={saveFile}
                now={now}
                lang={lang}
                strings={strings}
              />
            </React.Suspense>
          </>
        )}
      </div>
      {detail.reference !== undefined && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.large} label={strings.loading} />}>
          <DossierPanel
            describeFailure={describeFailure}
            reference={detail.reference}
            onDismiss={detail.close}
            dossier={opened?.dossier}
            deadline={opened?.dossier ? service.deadline(opened.dossier, opened.effectiveEndDate, opened.lifecycle?.dates.revokedOn) : undefined}
            loading={detail.loading}
            error={detail.error}
            notice={detail.notice}
            institutionNotice={institutionNotice}
            events={opened?.events ?? []}
            documents={documentViews}
            uploads={uploads}
            chain={opened?.chain ? chainFromRows(opened.chain.protocolNumber, opened.chain.rows) : undefined}
            lifecycleDates={opened?.lifecycle?.dates}
            scope={opened?.scope}
            scopeChanges={opened?.scopeChanges}
            allowedCommands={capabilities.commands}
            onCommand={(command) => runAsync(openCommand(command), detail.showFailure)}
            onAddComment={(text, restriction) =>
              opened?.dossier ? execute(opened.reference, { type: 'addComment', text, ...(restriction ? { restriction } : {}) }) : Promise.resolve({ ok: false, kind: 'failed', message: '' })
            }
            canWriteRestrictedNotes={mayRestrict}
            restrictedNotes={restrictedNotes}
            onUpload={upload}
            onShowFindings={(view) => {
              const stored = storedOf(view);
              if (stored) runAsync(detail.check(stored), detail.showFailure);
            }}
            onDownload={download}
            onOpen={detail.open}
            onRecordConditionMet={(conditionId, evidence) =>
              opened?.dossier ? execute(opened.reference, { type: 'recordConditionMet', conditionId, evidence }) : Promise.resolve({ ok: false, kind: 'failed', message: '' })
            }
            onAcceptSignatureWarning={(acceptance) =>
              opened?.dossier ? execute(opened.reference, { type: 'acceptSignatureWarning', ...acceptance }) : Promise.resolve({ ok: false, kind: 'failed', message: '' })
            }
            canUpload={capabilities.canUpload}
            status={detail.status}
            mailKinds={
              dossierMail && opened?.dossier
                ? dossierMail.mailKindsFor(opened.dossier).filter((kind) => capabilities.sendableMailKinds.includes(kind))
                : undefined
            }
            onComposeMail={dossierMail ? setComposeKind : undefined}
            requesterDrafts={
              drafts.service && drafts.waiting.length > 0 && opened?.dossier ? (
                <RequesterDraftsSection
                  drafts={drafts.waiting.map((waiting) => ({ key: waiting.key, kind: waiting.kind, dueOn: waiting.dueOn, subject: waiting.draft.subject, to: waiting.draft.to }))}
                  onPreview={dossierMail ? (key) => setPreviewing(drafts.waiting.find((waiting) => waiting.key === key)) : undefined}
                  onDismiss={async (key, reason) => {
                    const waiting = drafts.waiting.find((candidate) => candidate.key === key);
                    if (!waiting || !drafts.service || !opened?.dossier) return;
                    await drafts.service.dismiss(waiting, reason, opened.dossier, actor);
                    drafts.reload();
                  }}
                  describeFailure={describeFailure}
                  lang={lang}
                  strings={draftStrings}
                />
              ) : undefined
            }
            onCreatePublicationVersion={
              mailFeatures && capabilities.canCreatePublicationVersion
                ? () => runAsync(createPublicationVersion(), detail.showFailure)
                : undefined
            }
            creatingPublicationVersion={creatingPublication}
            onChangeFindingStatus={review.changeStatus}
            onRecordFinding={review.record}
            findingMessages={review.messages}
            onCompareVersions={review.compareVersions}
            now={now}
            lang={lang}
            strings={strings}
          />
        </React.Suspense>
      )}
      {composeKind !== undefined && dossierMail && actor && opened?.dossier && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
          <MailComposer
            key={`${opened.reference}:${composeKind}`}
            mail={dossierMail}
            dossier={opened.dossier}
            folder={opened.documents.map((document) => ({ id: document.id, fileName: document.fileName, kind: document.kind, phase: document.phase }))}
            kind={composeKind}
            actor={actor}
            onDone={(text) => {
              setComposeKind(undefined);
              detail.setStatus(text);
              runAsync(detail.reload(), detail.showFailure);
            }}
            onDismiss={() => setComposeKind(undefined)}
            lang={lang}
            strings={strings}
          />
        </React.Suspense>
      )}
      {previewing !== undefined && drafts.service && dossierMail && actor && opened?.dossier && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
          <MailComposer
            key={`draft:${previewing.key}`}
            mail={dossierMail}
            dossier={opened.dossier}
            kind={previewing.kind}
            initialDraft={drafts.service.mailDraftOf(previewing)}
            transport={draftTransport(drafts.service, previewing, opened.dossier, dossierMail.correspondence)}
            actor={actor}
            onDone={(text) => {
              setPreviewing(undefined);
              detail.setStatus(text);
              drafts.reload();
              runAsync(detail.reload(), detail.showFailure);
            }}
            onDismiss={() => setPreviewing(undefined)}
            lang={lang}
            strings={strings}
          />
        </React.Suspense>
      )}
      {newDossierOpen && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
          <NewDossierDialog hidden={false} onDismiss={() => setNewDossierOpen(false)} onSubmit={registerNew} describeFailure={describeFailure} lang={lang} strings={strings} />
        </React.Suspense>
      )}
      {dialog !== undefined && (
        <React.Suspense fallback={<Spinner size={SpinnerSize.small} />}>
          {dialog.command === 'giveAdvice' && opened?.dossier ? (
            <AdviceDialog dossier={opened.dossier} onSubmit={submitPayload} onDismiss={() => setDialog(undefined)} describeFailure={describeFailure} lang={lang} strings={strings} />
          ) : dialog.command === 'decide' && opened?.dossier ? (
            <DecideDialog dossier={opened.dossier} onSubmit={submitPayload} onDismiss={() => setDialog(undefined)} describeFailure={describeFailure} lang={lang} strings={strings} />
          ) : dialog.command === 'registerDelivery' && opened?.dossier ? (
            <DeliveryDialog dossier={opened.dossier} today={brusselsDate(now)} onSubmit={submitPayload} onDismiss={() => setDialog(undefined)} describeFailure={describeFailure} lang={lang} strings={strings} />
          ) : dialog.command !== 'giveAdvice' && dialog.command !== 'decide' && dialog.command !== 'registerDelivery' ? (
            <CommandDialog command={dialog.command} context={{ ...dialog.facts, findings: opened?.dossier?.findings, correspondence: opened?.dossier?.correspondence, deliveredOn: opened?.dossier?.delivery?.deliveredOn, lang, strings, describeFailure }} onDismiss={() => setDialog(undefined)} onSubmit={submitCommand} />
          ) : null}
        </React.Suspense>
      )}
    </Stack>
  );
}
