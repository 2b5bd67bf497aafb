/**
 * Browser entry of `/workbench/approvals`: the same `ApprovalsApp` the web part renders in SharePoint and
 * Teams, on the Graph client pointing at the local tenant (`/graph/v1.0`) and PnPjs for the user's
 * SharePoint groups. Identity comes from the `lt_persona` cookie of the sign-in page (same origin).
 */
import * as React from 'react';
import * as ReactDom from 'react-dom';
import { registerIcons } from '@fluentui/react/lib/Styling';
import { formatFailure } from '../../../app/failures';
import { createLocalApprovals } from '../../../composition/local';
import type { Lang } from '../../../domain/types';
import type { ApprovalsStrings } from '../../../ui/approvals/ApprovalsTab.types';
import { formatText } from '../../../ui/shared/format';
import { ApprovalsApp } from '../../../webparts/approvals/components/ApprovalsApp';

declare global {
  interface Window {
    /** Set by the page from the web part's `loc/<locale>.js` (see page.ts). */
    __approvalsLocale?: ApprovalsStrings;
    __approvalsLang?: Lang;
  }
}

// SharePoint and Teams serve Fluent's icon font; offline the workbench draws the few glyphs as text.
registerIcons({ icons: { Cancel: '✕', Clear: '✕', Info: 'ℹ', ErrorBadge: '⛔', Error: '⛔', Warning: '⚠', Blocked2: '⛔', Completed: '✓', CheckMark: '✓' } });

const strings = window.__approvalsLocale;
const lang: Lang = window.__approvalsLang ?? 'nl';
const container = document.getElementById('app');
if (!strings || !container) throw new Error('The workbench page is missing its strings or its #app element.');

const { gateway, data } = createLocalApprovals({
  origin: window.location.origin,
  dpoTeamMailbox: new URLSearchParams(window.location.search).get('mailbox') ?? undefined
});

data.directory.currentActor().then(
  (actor) => {
    container.removeAttribute('aria-busy');
    ReactDom.render(React.createElement(ApprovalsApp, { backend: gateway, actor, strings, lang }), container);
  },
  (error: unknown) => {
    container.removeAttribute('aria-busy');
    container.textContent = formatText(strings.ErrorPrefix, { message: formatFailure(error, lang) });
  }
);
