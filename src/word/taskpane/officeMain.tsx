/// <reference types="office-js" />
/**
 * Entry point of the task pane in Word (bundled to dist/word/taskpane.js by scripts/package-word.ts).
 * Waits for office-js, then renders the pane with the office-js form source.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { initializeIcons } from '@fluentui/react/lib/Icons';
import { languageOf } from '../../domain/i18n/language';
import { checkForm } from '../../forms';
import type { TokenProvider } from '../auth/tokenProvider';
import { createMsalTokenProvider } from '../auth/msalTokenProvider';
import { createOfficeFormSource } from '../office/officeFormSource';
import { createWordGateway } from '../office/wordGateway';
import { CONFIG_ELEMENT_ID, hasEntraApp, parseWordAddinConfig } from './config';
import { createOfficeDossierPort } from '../../composition/office';
import { wordPaneStrings } from './strings';
import { WordReviewPane } from './WordReviewPane';

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

function isoDate(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Renders into the page once and unmounts when the pane closes. */
function mount(root: HTMLElement, element: React.ReactElement): void {
  ReactDom.render(element, root);
  window.addEventListener('unload', () => ReactDom.unmountComponentAtNode(root));
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
  const dossiers = hasEntraApp(config)
    ? createOfficeDossierPort(
        config,
        lazyTokens(() => createMsalTokenProvider({ clientId: config.entraClientId, authority: config.authority, redirectUri: window.location.href.split('?')[0] }, supportsNaa))
      )
    : undefined;
  mount(
    root,
    <WordReviewPane
      source={createOfficeFormSource(createWordGateway())}
      check={checkForm}
      dossiers={dossiers}
      today={() => isoDate(new Date())}
      now={() => new Date().toISOString()}
      language={language}
      strings={strings}
    />
  );
}

initializeIcons();
Office.onReady().then(start, (error: unknown) => {
  const root = document.getElementById('root');
  if (root) root.textContent = `Office kon niet starten / Office failed to start: ${error instanceof Error ? error.message : String(error)}`;
});
