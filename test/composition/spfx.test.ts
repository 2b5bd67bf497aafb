/**
 * The SPFx composition root on a minimal web part context: which site it works on, and that the
 * register's mail features exist only with a shared mailbox and compose on first use with SPFx's
 * Graph client (`msGraphClientFactory.getClient('3')`).
 */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { siteUrlOf } from '../../src/composition/spfx';
import { composeRegisterWebPart } from '../../src/composition/spfxRegister';
import { CommandService } from '../../src/data/commandService';
import { RemoteCommandService } from '../../src/data/service/remoteCommandService';
import { RemoteDocumentLibrary } from '../../src/data/service/remoteDocumentLibrary';

const PAGE_SITE = 'https://contoso.sharepoint.com/sites/microdata';
const SERVICE = { baseUrl: 'https://dossiers.example/api', resource: 'api://microdata-dossiers' };

// SPFx's sp-http needs the browser page SharePoint provides; only its configuration marker is used here.
jest.mock('@microsoft/sp-http', () => ({ AadHttpClient: { configurations: { v1: { marker: 'v1' } } } }));

function fakeContext(): { context: WebPartContext; getClient: jest.Mock; aadFetch: jest.Mock; getAadClient: jest.Mock } {
  const getClient = jest.fn(async () => ({ api: () => ({}) }));
  const aadFetch = jest.fn(async () => new Response(JSON.stringify({ ok: false, errors: [{ kind: 'forbidden', code: 'dossier.error.forbidden', params: {} }] }), { status: 422 }));
  const getAadClient = jest.fn(async () => ({ fetch: aadFetch }));
  const context = {
    pageContext: { web: { absoluteUrl: PAGE_SITE }, legacyPageContext: {} },
    msGraphClientFactory: { getClient },
    aadHttpClientFactory: { getClient: getAadClient }
  } as unknown as WebPartContext;
  return { context, getClient, aadFetch, getAadClient };
}

describe('SPFx composition root', () => {
  it('works on the page site unless another site is configured', () => {
    const { context } = fakeContext();
    expect(siteUrlOf(context, undefined)).toBe(PAGE_SITE);
    expect(siteUrlOf(context, '   ')).toBe(PAGE_SITE);
    expect(siteUrlOf(context, ' https://contoso.sharepoint.com/sites/andere ')).toBe('https://contoso.sharepoint.com/sites/andere');
  });

  it('gives the register no mail features without a shared mailbox, and asks no Graph client', () => {
    const { context, getClient } = fakeContext();
    const composition = composeRegisterWebPart(context, {});
    expect(composition.siteUrl).toBe(PAGE_SITE);
    expect(composition.mail).toBeUndefined();
    expect(typeof composition.data.commands.execute).toBe('function');
    expect(getClient).not.toHaveBeenCalled();
  });

  it('composes the mail features on first use, with SPFx Graph client version 3', async () => {
    const { context, getClient } = fakeContext();
    const composition = composeRegisterWebPart(context, { sharedMailbox: 'data-aanvragen@contoso.be' });
    expect(getClient).not.toHaveBeenCalled();
    const mail = await composition.mail?.();
    expect(getClient).toHaveBeenCalledWith('3');
    expect(mail?.mailboxAddress).toBe('data-aanvragen@contoso.be');
    expect(typeof mail?.intake.pendingMessages).toBe('function');
  });

  it('without a service URL nothing is written: changes are refused as not configured, and no AadHttpClient is asked', async () => {
    const { context, getAadClient } = fakeContext();
    const composition = composeRegisterWebPart(context, {});
    expect(composition.data.commands).toBeInstanceOf(RemoteCommandService);
    await expect(composition.data.commands.execute('VSA-2026-0001', { type: 'addComment', commandId: 'c-1', text: 'x' })).rejects.toMatchObject({ code: 'data.error.notConfigured' });
    expect(getAadClient).not.toHaveBeenCalled();
  });

  it('with a service, commands and uploads go to it through AadHttpClient for the configured resource', async () => {
    const { context, getAadClient, aadFetch } = fakeContext();
    const composition = composeRegisterWebPart(context, { service: SERVICE });
    expect(composition.data.commands).toBeInstanceOf(RemoteCommandService);
    expect(composition.data.documents).toBeInstanceOf(RemoteDocumentLibrary);
    expect(getAadClient).not.toHaveBeenCalled();
    const outcome = await composition.data.commands.execute('VSA-2026-0001', { type: 'addComment', commandId: 'c-1', text: 'x' });
    expect(outcome.ok).toBe(false);
    expect(getAadClient).toHaveBeenCalledWith('api://microdata-dossiers');
    expect(aadFetch).toHaveBeenCalledWith('https://dossiers.example/api/dossiers/VSA-2026-0001/commands', { marker: 'v1' }, expect.objectContaining({ method: 'POST' }));
  });
});
