/// <reference types="office-js" />
/**
 * Entry point of the task pane in Word (bundled to dist/word/taskpane.js by scripts/package-word.ts).
 * Waits for office-js, then renders the pane with the office-js form source.
 *
 * What the first paint does not need is loaded with `import()`: the review engine (office-js form
 * source, forms engine with xmldom and fflate) right after it, MSAL and the dossier side (Graph
 * client, PnPjs, data layer) on the first dossier call. Budget and figures: docs/performance.md.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { Spinner } from '@fluentui/react/lib/Spinner';
import { initializeIcons } from '@fluentui/react/lib/Icons';
import { languageOf } from '../../domain/i18n/language';
import type { FormChecker, RequestedReader } from '../review/reviewActions';
import type { FormSource } from '../source/formSource';
import type { TokenProvider } from '../../data/auth/tokenProvider';
import type { DossierReviewPort } from '../../app/wordReview/dossierReviewPort';
import type { CodebookStore } from '../../data/ports';
import { CONFIG_ELEMENT_ID, hasEntraApp, parseWordAddinConfig } from '../../composition/officeConfig';
import { wordPaneStrings } from './strings';
import type { WordReviewPaneProps } from './WordReviewPane';

/** Tokens created on first use, so the pane shows the findings before anyone signs in. */
function lazyTokens(create: () => Promise<TokenProvider>): TokenProvider {
  let provider: Promise<TokenProvider> | undefined;
  return {
    getToken: async (scopes) => {
      provider = provider ?? create();
      return (await provider).getToken(scopes);
    }
  };
}

/** The dossier port, created (and its code loaded) on the first dossier call. */
function lazyDossierPort(create: () => Promise<DossierReviewPort>): DossierReviewPort {
  let port: Promise<DossierReviewPort> | undefined;
  const load = (): Promise<DossierReviewPort> => (port = port ?? create());
  return {
    findDossier: async (reference) => (await load()).findDossier(reference),
    recordReview: async (result) => (await load()).recordReview(result),
    findingsOf: async (reference) => (await load()).findingsOf(reference),
    recordFindings: async (reference, findings, at) => (await load()).recordFindings(reference, findings, at),
    changeFindingStatus: async (reference, change, at) => (await load()).changeFindingStatus(reference, change, at)
  };
}

/** The codebook store, created (and its code loaded with the dossier side) on the first codebook read. */
function lazyCodebookStore(create: () => Promise<CodebookStore>): CodebookStore {
  let store: Promise<CodebookStore> | undefined;
  const load = (): Promise<CodebookStore> => {
    if (!store) {
      // A failed creation (e.g. sign-in cancelled) is tried again on the next read, not kept.
      store = create().catch((error: unknown) => {
        store = undefined;
        throw error;
      });
    }
    return store;
  };
  return {
    list: async () => (await load()).list(),
    load: async (waves) => (await load()).load(waves),
    save: async (codebooks, source, importedBy) => (await load()).save(codebooks, source, importedBy)
  };
}

/** What the pane needs from the review engine chunk. */
interface ReviewEngine {
  readonly source: FormSource;
  readonly check: FormChecker;
  readonly requestedOf: RequestedReader;
  readonly Pane: React.ComponentType<WordReviewPaneProps>;
}

/**
 * The office-js form source, the checks, the requested-data reader and the pane itself: the forms
 * engine's code and the pane's components, loaded after the first paint (the spinner); the pane is only
 * rendered once the engine is there, so its code rides in the same chunk (bundle budget).
 */
async function loadReviewEngine(): Promise<ReviewEngine> {
  const [{ createOfficeFormSource }, { createWordGateway }, { checkForm }, { requestedDataOfForm }, { WordReviewPane }] = await Promise.all([
    import(/* webpackChunkName: 'word-review-engine' */ '../office/officeFormSource'),
    import(/* webpackChunkName: 'word-review-engine' */ '../office/wordGateway'),
    import(/* webpackChunkName: 'word-review-engine' */ '../../forms/checks'),
    import(/* webpackChunkName: 'word-review-engine' */ '../../forms/requested'),
    import(/* webpackChunkName: 'word-review-engine' */ './WordReviewPane')
  ]);
  return { source: createOfficeFormSource(createWordGateway()), check: checkForm, requestedOf: requestedDataOfForm, Pane: WordReviewPane };
}

function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Renders into the page (replacing what was there); unmounts once when the pane closes. */
function mount(root: HTMLElement, element: React.ReactElement): void {
  if (!root.hasChildNodes()) window.addEventListener('unload', () => ReactDom.unmountComponentAtNode(root));
  ReactDom.render(element, root);
}

function start(info: { host: Office.HostType }): void {
  const root = document.getElementById('root');
  if (!root) return;
  const language = languageOf(Office.context.displayLanguage);
  const strings = wordPaneStrings(language);
  if (info.host !== Office.HostType.Word) {
    mount(root, <MessageBar messageBarType={MessageBarType.error}>{strings.wordOnly}</MessageBar>);
    return;
  }
  const config = parseWordAddinConfig(document.getElementById(CONFIG_ELEMENT_ID)?.textContent ?? '{}');
  const supportsNaa = Office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
  const tokens = lazyTokens(async () => {
    const { createMsalTokenProvider } = await import(/* webpackChunkName: 'msal' */ '../auth/msalTokenProvider');
    return createMsalTokenProvider({ clientId: config.entraClientId, authority: config.authority, redirectUri: window.location.href.split('?')[0] }, supportsNaa);
  });
  const dossiers = hasEntraApp(config)
    ? lazyDossierPort(async () => (await import(/* webpackChunkName: 'word-dossier' */ '../../composition/office')).createOfficeDossierPort(config, tokens))
    : undefined;
  const codebooks = hasEntraApp(config)
    ? lazyCodebookStore(async () => (await import(/* webpackChunkName: 'word-dossier' */ '../../composition/office')).createOfficeCodebookStore(config, tokens))
    : undefined;
  mount(root, <Spinner label={strings.loading} />);
  loadReviewEngine().then(
    ({ source, check, requestedOf, Pane }) =>
      mount(
        root,
        <Pane
          source={source}
          check={check}
          requestedOf={requestedOf}
          dossiers={dossiers}
          codebooks={codebooks}
          today={() => isoDate(new Date())}
          now={() => new Date().toISOString()}
          language={language}
          strings={strings}
        />
      ),
    (error: unknown) =>
      mount(
        root,
        <MessageBar messageBarType={MessageBarType.error}>
          {`${language === 'nl' ? 'De controle kon niet laden' : 'The checks failed to load'}: ${error instanceof Error ? error.message : String(error)}`}
        </MessageBar>
      )
  );
}

initializeIcons();
Office.onReady().then(start, (error: unknown) => {
  const root = document.getElementById('root');
  if (root) root.textContent = `Office kon niet starten / Office failed to start: ${error instanceof Error ? error.message : String(error)}`;
});
