import * as React from 'react';
import { hasMandateDocument } from '../../../domain/documentRules';
import type { Dossier, IsoDate, Lang } from '../../../domain/types';
import type { StoredDocument } from '../../../data/ports';
import { AppError } from '../../../app/appError';
import { formatFailure } from '../../../app/failures';
import type { CheckedDocument, OpenedDossier, RegisterService } from '../../../app/registerService';
import { formatText } from '../../../ui/shared/format';
import { runAsync } from '../../../ui/shared/runAsync';
import type { UiStrings } from '../../../ui/strings';

/** A document's check as the panel shows it. */
export type CheckState = CheckedDocument | 'loading' | { readonly failed: string };

/** The open dossier and what the panel shows around it. */
export interface DossierDetail {
  readonly reference?: string;
  readonly opened?: OpenedDossier;
  readonly loading: boolean;
  readonly error?: string;
  readonly notice?: string;
  readonly status?: string;
  readonly checks: ReadonlyMap<string, CheckState>;
  /** Opens a dossier (panel, address bar) and loads it. */
  readonly open: (reference: string) => void;
  readonly close: () => void;
  /** Loads the open dossier again; resolves to what was loaded. */
  readonly reload: () => Promise<OpenedDossier | undefined>;
  /** Shows a dossier the service already reloaded. */
  readonly show: (opened: OpenedDossier) => void;
  /** Reads and checks a stored document once per version; the state is kept for the panel. */
  readonly check: (document: StoredDocument) => Promise<CheckedDocument | undefined>;
  /** Keeps the check of a document just uploaded. */
  readonly remember: (document: StoredDocument, checked: CheckedDocument) => void;
  readonly showFailure: (error: unknown) => void;
  readonly setError: (text: string | undefined) => void;
  readonly setNotice: (text: string | undefined) => void;
  readonly setStatus: (text: string | undefined) => void;
}

const checkKey = (document: Pick<StoredDocument, 'id' | 'version'>): string => `${document.id}@${document.version}`;

/** The key under which `checks` holds a document's check. */
export { checkKey };

/**
 * The open dossier's detail; `onDossier` receives every dossier loaded with its chain's effective end
 * date (to refresh its register row).
 */
export function useDossierDetail(
  service: RegisterService,
  strings: UiStrings,
  lang: Lang,
  onDossier: (dossier: Dossier, effectiveEndDate?: IsoDate) => void
): DossierDetail {
  const [reference, setReference] = React.useState<string | undefined>(undefined);
  const [opened, setOpened] = React.useState<OpenedDossier | undefined>(undefined);
  const [loading, setLoading] = React.useState(false);
  const [error, setError] = React.useState<string | undefined>(undefined);
  const [notice, setNotice] = React.useState<string | undefined>(undefined);
  const [status, setStatus] = React.useState<string | undefined>(undefined);
  const [checks, setChecks] = React.useState<ReadonlyMap<string, CheckState>>(new Map());
  const showFailure = React.useCallback(
    (failure: unknown) => setError(formatText(strings.genericError, { message: formatFailure(failure, lang) })),
    [strings, lang]
  );

  // The shown checks were made in a mandate and scope context; when a mandate arrives (or goes), or an
  // addendum of the protocol is countersigned, they are stale.
  const mandateContext = React.useRef<string | undefined>(undefined);
  const show = React.useCallback((next: OpenedDossier) => {
    const context = `${next.reference}:${hasMandateDocument(next.documents)}:${next.scope?.history.map((entry) => entry.instrument).join(',') ?? ''}`;
    if (mandateContext.current !== undefined && mandateContext.current !== context) setChecks(new Map());
    mandateContext.current = context;
    setOpened(next);
    if (next.dossier) onDossier(next.dossier, next.effectiveEndDate);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The reference the user asked for last: a slower answer for a dossier opened before is dropped, so
  // the panel never shows (or sends commands to) another dossier than its title says.
  const latest = React.useRef<string | undefined>(undefined);
  const load = React.useCallback(async (target: string): Promise<OpenedDossier | undefined> => {
    latest.current = target;
    setLoading(true);
    setError(undefined);
    try {
      const next = await service.open(target);
      if (latest.current !== target) return undefined;
      show(next);
      // Replay left out pending events a member wrote into the projection: say so, with their ids.
      if (next.ignoredPendingEvents) setNotice(formatFailure(new AppError('app.error.ignoredPendingEvents', { eventIds: next.ignoredPendingEvents.join(', ') }), lang));
      return next;
    } catch (failure) {
      showFailure(failure);
      return undefined;
    } finally {
      setLoading(false);
    }
  }, [service, show, showFailure, lang]);

  const open = React.useCallback((target: string) => {
    setReference(target);
    setOpened(undefined);
    setNotice(undefined);
    setStatus(undefined);
    runAsync(load(target), showFailure);
  }, [load, showFailure]);

  const close = React.useCallback(() => setReference(undefined), []);
  const reload = React.useCallback(() => (reference ? load(reference) : Promise.resolve(undefined)), [reference, load]);

  const check = React.useCallback(async (document: StoredDocument): Promise<CheckedDocument | undefined> => {
    if (!opened) return undefined;
    const key = checkKey(document);
    setChecks((current) => (current.get(key) && current.get(key) !== 'loading' ? current : new Map(current).set(key, 'loading')));
    try {
      const checked = await service.checkStored(opened, document);
      setChecks((current) => new Map(current).set(key, checked));
      return checked;
    } catch (failure) {
      setChecks((current) => new Map(current).set(key, { failed: formatFailure(failure, lang) }));
      return undefined;
    }
  }, [service, opened, lang]);

  const remember = React.useCallback((document: StoredDocument, checked: CheckedDocument) =>
    setChecks((current) => new Map(current).set(checkKey(document), checked)), []);

  return { remember, reference, opened, loading, error, notice, status, checks, open, close, reload, show, check, showFailure, setError, setNotice, setStatus };
}
