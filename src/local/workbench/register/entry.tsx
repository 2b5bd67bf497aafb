/**
 * Browser entry of the local workbench page `/workbench/register`: the same `RegisterApp` the web part
 * renders, on PnPjs pointing at the local tenant. Identity comes from the `lt_persona` cookie the
 * sign-in page set (same origin), exactly as SharePoint's own cookie would.
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { registerIcons } from '@fluentui/react/lib/Styling';
import { createLocalRegister } from '../../../composition/local';
import type { StoredDocument } from '../../../data/ports';
import { localOpenInWordUrl } from '../word/documentLink';
import type { Lang } from '../../../domain/types';
import type { UiStrings } from '../../../ui/strings';
import { RegisterApp } from '../../../webparts/dossierRegister/app/RegisterApp';

declare global {
  interface Window {
    /** Set by the page from the web part's `loc/<locale>.js` (see page.ts). */
    __registerLocale?: { ui: UiStrings };
    __registerLang?: Lang;
  }
}

// SharePoint serves Fluent's icon font; offline the workbench draws the few glyphs it needs as text.
registerIcons({
  icons: {
    ChevronDown: '▾', ChevronRightMed: '▸', ChevronUp: '▴', Cancel: '✕', Clear: '✕', Search: '⌕', CheckMark: '✓',
    SortUp: '↑', SortDown: '↓', Info: 'ℹ', ErrorBadge: '⛔', Error: '⛔', Warning: '⚠', Blocked2: '⛔', Completed: '✓',
    StatusCircleCheckmark: '✓', More: '…', GroupedDescending: '▾', GroupedAscending: '▸', Tag: '', CircleRing: '○',
    StatusCircleRing: '○', ChevronDownMed: '▾', ChevronRight: '▸', Mail: '✉'
  }
});

const locale = window.__registerLocale;
const container = document.getElementById('app');
if (!locale || !container) throw new Error('The workbench page is missing its strings or its #app element.');

const composition = createLocalRegister({ origin: window.location.origin });

ReactDom.render(
  React.createElement(RegisterApp, {
    service: composition.service,
    strings: locale.ui,
    lang: window.__registerLang ?? 'nl',
    mail: composition.mail,
    drafts: composition.drafts,
    // No desktop Word offline: "Openen in Word" leads to the Word task-pane workbench on that document.
    openInWordUrl: (document: StoredDocument, reference: string) => localOpenInWordUrl(reference, document)
  }),
  container
);
