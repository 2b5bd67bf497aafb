/** The register web part's part of the SPFx composition root (`spfx.ts`). */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import type { RegisterMailLoader } from '../app/registerMail';
import type { RequesterDraftsLoader } from '../app/requesterDrafts';
import { createClientDataLayer, type ClientDataLayer } from './clientDataLayer';
import { createRegisterService, type RegisterService } from '../app/registerService';
import { siteUrlOf, spfxGraph, spfxSp } from './spfx';
import { spfxServiceHttp, unconfiguredServiceHttp, type ServiceSettings } from './spfxServiceHttp';

/** Settings of the register web part that reach the composition. */
export interface RegisterWebPartSettings {
  /** Absolute URL of the site holding the lists; empty = the current site. */
  readonly siteUrl?: string;
  /** A valid shared mailbox address, or undefined when the mail features are off. */
  readonly sharedMailbox?: string;
  /** The command service; absent = changes are refused as not configured (`serviceSettingsOf`). */
  readonly service?: ServiceSettings;
}

/** What the register web part renders with. */
export interface RegisterWebPartComposition {
  readonly siteUrl: string;
  readonly data: ClientDataLayer;
  /** The register's application service on that data layer. */
  readonly service: RegisterService;
  /** The mail features, composed on first use in their own chunk; absent without a shared mailbox. */
  readonly mail?: RegisterMailLoader;
  /** The scheduled job's requester drafts (issue 16), composed on first use in their own chunk. */
  readonly drafts: RequesterDraftsLoader;
}

/** The register on the web part's site: the data layer, and the mail features when a shared mailbox is set. */
export function composeRegisterWebPart(context: WebPartContext, settings: RegisterWebPartSettings): RegisterWebPartComposition {
  const siteUrl = siteUrlOf(context, settings.siteUrl);
  const service = settings.service ? spfxServiceHttp(context, settings.service) : unconfiguredServiceHttp();
  const sp = spfxSp(context, siteUrl);
  const data = createClientDataLayer(sp, { service });
  const mailboxAddress = settings.sharedMailbox;
  const mail: RegisterMailLoader | undefined = mailboxAddress
    ? async () => {
        // The mail code loads in its own chunk on first use (bundle budget of the register).
        const [composition, graph] = await Promise.all([import(/* webpackChunkName: 'register-mail' */ './registerMail'), spfxGraph(context)]);
        return composition.composeRegisterMail(data, graph, { mailboxAddress, siteUrl });
      }
    : undefined;
  const drafts: RequesterDraftsLoader = async () =>
    (await import(/* webpackChunkName: 'register-drafts' */ './requesterDrafts')).composeRequesterDrafts(sp);
  return { siteUrl, data, drafts, service: createRegisterService(data, { codebooks: data.codebooks, restrictedNotes: data.restrictedNotes, institutions: data.institutions, procedureSettings: data.procedureSettings }), mail };
}
