/**
 * React state around the review use cases (`../review/reviewActions`). Holds what the pane shows:
 * the loaded review, the reviewer's comment drafts, which findings are already commented, and the
 * last message. No business rules here.
 */
import * as React from 'react';
import { formatFailure } from '../../app/failures';
import type { Lang } from '../../domain/types';
import type { FieldAnchor } from '../../forms/types';
import { rowsFieldIdsOfForm } from '../../forms/catalog';
import type { DossierReviewPort } from '../../app/wordReview/dossierReviewPort';
import type { FormSource } from '../source/formSource';
import type { DossierFinding, FindingAudience } from '../../domain/findings';
import { awaitsHandling } from '../../domain/findings';
import type { DocumentComment } from '../source/formSource';
import type { OwnComment } from '../review/reviewerFindings';
import { ownComments } from '../review/reviewerFindings';
import { parseMetadata } from '../review/reviewMetadata';
import type { CommentDraft } from '../review/commentPlan';
import { draftsFor } from '../review/commentPlan';
import type { CodebookStore } from '../../data/ports';
import type { FormChecker, LoadedReview, RequestedReader } from '../review/reviewActions';
import {
  addFreeComment,
  commentedKeysOf,
  currentOwnComments,
  documentKindOf,
  insertFindingComments,
  insertVariableRow,
  loadReview,
  recordReviewerFindings,
  removeOwnComments,
  replaceFieldText,
  searchVariables,
  setCommentAudience
} from '../review/reviewActions';
import type { VariableHit, VariableSearcher } from '../review/variableSearch';
import { cachedCodebooks, searchCodebooks } from '../review/variableSearch';

/** What the pane needs from its composition root. */
export interface WordReviewDeps {
  readonly source: FormSource;
  readonly check: FormChecker;
  readonly dossiers?: DossierReviewPort;
  /** Today as yyyy-mm-dd (checks never read the clock). */
  readonly today: () => string;
  /** Now as an ISO date-time, for the review record. */
  readonly now: () => string;
  /** What the form states is requested (`requestedDataOfForm`); without it the pane shows no summary. */
  readonly requestedOf?: RequestedReader;
  /** The survey codebooks; without them the checks run without codebooks and nothing can be inserted. */
  readonly codebooks?: CodebookStore;
  /** The variable search over loaded codebooks; default the pane's own (`searchCodebooks`). */
  readonly searchVariables?: VariableSearcher;
}

/** A message for the reviewer after an action. */
export type PaneMessage =
  | { readonly kind: 'inserted'; readonly inserted: number; readonly skipped: number; readonly notFound: number }
  | { readonly kind: 'removed'; readonly count: number }
  | { readonly kind: 'freeCommentAdded' }
  | {
      readonly kind: 'linked';
      readonly recorded: number;
      readonly resolvedInDossier: number;
      readonly resolvedInWord: number;
      readonly internalRemoved: number;
      /** Status changes the dossier refused, in the reviewer's language. */
      readonly refused: readonly string[];
    }
  | { readonly kind: 'fieldNotFound' }
  | { readonly kind: 'replaced'; readonly name: string }
  | { readonly kind: 'variableInserted'; readonly name: string }
  | { readonly kind: 'noVariablesTable' }
  | { readonly kind: 'failed'; readonly reason: string };

/** The state and actions the pane renders. */
export interface WordReviewState {
  readonly status: 'loading' | 'ready' | 'failed';
  readonly loadError: string | undefined;
  readonly review: LoadedReview | undefined;
  readonly drafts: readonly CommentDraft[];
  readonly commentedKeys: ReadonlySet<string>;
  /** The reviewer's comments in the document (the ones that become findings), with their audience. */
  readonly ownComments: readonly OwnComment[];
  /** Pending internal findings of this form in the dossier (never in the document). */
  readonly internalFindings: readonly DossierFinding[];
  readonly busy: boolean;
  readonly message: PaneMessage | undefined;
  readonly commentsSupported: boolean;
  readonly missingRequirement: string | undefined;
  reload(): void;
  setDraftText(key: string, text: string): void;
  select(anchor: FieldAnchor): void;
  insertComments(): void;
  addFreeComment(text: string): Promise<boolean>;
  removeOwnComments(): void;
  linkToDossier(): void;
  /** The reviewer's "intern" choice for one of her comments. */
  setAudience(comment: DocumentComment, audience: FindingAudience): void;
  /** True when the form has a variables table and codebooks can be searched. */
  readonly canInsertVariables: boolean;
  /** Replaces the field at the anchor by a suggestion and checks the form again. */
  replaceWith(anchor: FieldAnchor, name: string): void;
  /** The codebook variables matching a query, within the waves the form requests. */
  searchVariables(query: string): VariableHit[];
  /** Adds a variable row (name, empty justification) and checks the form again. */
  insertVariable(name: string): void;
}

/** Starts an action whose errors `run` already turns into a pane message. */
function detach(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}


/** The form type has a variables table (`variabelen`): application form, protocol, simplified form. */
function formHasVariables(review: LoadedReview | undefined): boolean {
  const formType = review?.source.form.formType;
  return formType !== undefined && rowsFieldIdsOfForm(formType).includes('variabelen');
}

/** The review pane's state machine. */
export function useWordReview(deps: WordReviewDeps, language: Lang): WordReviewState {
  const { source, check, dossiers, today, now, requestedOf } = deps;
  const search = deps.searchVariables ?? searchCodebooks;
  // One cache per store: re-checking after an edit does not load the same codebooks again.
  const loadCodebooks = React.useMemo(() => (deps.codebooks ? cachedCodebooks(deps.codebooks) : undefined), [deps.codebooks]);
  // After an edit the form is checked again in place (no spinner), so the search and messages stay.
  const loadedOnce = React.useRef(false);
  // Failures are shown in the reviewer's language, never as the adapters' English technical text.
  const errorText = (error: unknown): string => formatFailure(error, language);
  const capabilities = React.useMemo(() => source.capabilities(), [source]);
  const [status, setStatus] = React.useState<WordReviewState['status']>('loading');
  const [loadError, setLoadError] = React.useState<string | undefined>(undefined);
  const [review, setReview] = React.useState<LoadedReview | undefined>(undefined);
  const [drafts, setDrafts] = React.useState<readonly CommentDraft[]>([]);
  const [own, setOwn] = React.useState<readonly OwnComment[]>([]);
  const [internalFindings, setInternalFindings] = React.useState<readonly DossierFinding[]>([]);
  const [busy, setBusy] = React.useState(false);
  const [message, setMessage] = React.useState<PaneMessage | undefined>(undefined);
  const [generation, setGeneration] = React.useState(0);
  const commentedKeys = React.useMemo(() => commentedKeysOf(own), [own]);

  /** Re-reads the reviewer's comments (after every change to them). */
  const refreshOwn = async (): Promise<void> => {
    if (!capabilities.comments) return;
    setOwn((await currentOwnComments(source)).own);
  };

  React.useEffect(() => {
    let cancelled = false;
    if (!loadedOnce.current) setStatus('loading');
    loadReview(source, check, today(), dossiers, { requestedOf, codebooks: loadCodebooks }).then(
      (loaded) => {
        if (cancelled) return;
        loadedOnce.current = true;
        setReview(loaded);
        setDrafts(draftsFor(loaded.findings));
        setOwn(ownComments(loaded.source.comments ?? [], parseMetadata(loaded.source.reviewMetadata)));
        setInternalFindings(loaded.readBack?.internal ?? []);
        setStatus('ready');
      },
      (error: unknown) => {
        if (cancelled) return;
        setLoadError(errorText(error));
        setStatus('failed');
      }
    );
    return () => {
      cancelled = true;
    };
    // `today` and `check` are stable inputs of the composition root; reload is explicit.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, dossiers, loadCodebooks, generation]);

  const run = React.useCallback(async (action: () => Promise<PaneMessage | undefined>): Promise<boolean> => {
    setBusy(true);
    setMessage(undefined);
    try {
      setMessage(await action());
      return true;
    } catch (error) {
      setMessage({ kind: 'failed', reason: errorText(error) });
      return false;
    } finally {
      setBusy(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language]);

  return {
    status,
    loadError,
    review,
    drafts,
    commentedKeys,
    ownComments: own,
    internalFindings,
    busy,
    message,
    commentsSupported: capabilities.comments,
    missingRequirement: capabilities.missingRequirement,
    reload: () => {
      loadedOnce.current = false;
      setGeneration((g) => g + 1);
    },
    setDraftText: (key, text) => setDrafts((current) => current.map((d) => (d.key === key ? { ...d, text } : d))),
    select: (anchor) => {
      detach(run(async () => ((await source.select(anchor)) ? undefined : { kind: 'fieldNotFound' })));
    },
    insertComments: () => {
      detach(run(async () => {
        const outcome = await insertFindingComments(source, drafts);
        await refreshOwn();
        return {
          kind: 'inserted',
          inserted: outcome.report.inserted,
          skipped: outcome.plan.alreadyCommented.length,
          notFound: outcome.report.notFound
        };
      }));
    },
    addFreeComment: (text) =>
      run(async () => {
        await addFreeComment(source, text);
        await refreshOwn();
        return { kind: 'freeCommentAdded' };
      }),
    removeOwnComments: () => {
      detach(run(async () => {
        const count = await removeOwnComments(source);
        await refreshOwn();
        return { kind: 'removed', count };
      }));
    },
    linkToDossier: () => {
      detach(run(async () => {
        const reference = review?.dossier?.reference;
        if (!dossiers || !review || !reference) throw new Error('geen dossier gekoppeld / no dossier linked');
        const kind = documentKindOf(review.source.form);
        if (!kind) throw new Error('onbekend formuliertype / unknown form type');
        const outcome = await recordReviewerFindings(source, dossiers, reference, kind, review.dossierFindings, now());
        // What the reviewer sees next is the dossier as it is now (a refused change shows the other's status).
        setReview({ ...review, dossierFindings: outcome.findings });
        setInternalFindings(outcome.findings.filter((f) => f.origin === 'reviewer' && f.documentKind === kind && f.audience === 'internal' && awaitsHandling(f)));
        await refreshOwn();
        return {
          kind: 'linked',
          recorded: outcome.recorded,
          resolvedInDossier: outcome.resolvedInDossier,
          resolvedInWord: outcome.resolvedInWord,
          internalRemoved: outcome.internalRemoved,
          refused: outcome.refused.map(errorText)
        };
      }));
    },
    setAudience: (comment, audience) => {
      detach(run(async () => {
        await setCommentAudience(source, comment, audience);
        await refreshOwn();
        return undefined;
      }));
    },
    canInsertVariables: loadCodebooks !== undefined && formHasVariables(review),
    replaceWith: (anchor, name) => {
      detach(run(async () => {
        if (!(await replaceFieldText(source, anchor, name))) return { kind: 'fieldNotFound' };
        setGeneration((g) => g + 1);
        return { kind: 'replaced', name };
      }));
    },
    searchVariables: (query) => (review ? searchVariables(review, search, query) : []),
    insertVariable: (name) => {
      detach(run(async () => {
        if (!(await insertVariableRow(source, name))) return { kind: 'noVariablesTable' };
        setGeneration((g) => g + 1);
        return { kind: 'variableInserted', name };
      }));
    }
  };
}
