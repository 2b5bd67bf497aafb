/**
 * The SPFx composition root on a minimal web part context: which site it works on, and that the
 * register's mail features exist only with a shared mailbox and compose on first use with SPFx's
 * Graph client (`msGraphClientFactory.getClient('3')`).
 */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import { siteUrlOf } from '../../src/composition/spfx';
import { composeRegisterWebPart } from '../../src/composition/spfxRegister';

const PAGE_SITE = 'https://contoso.sharepoint.com/sites/microdata';

function fakeContext(): { context: WebPartContext; getClient: jest.Mock } {
  const getClient = jest.fn(async () => ({ api: () => ({}) }));
  const context = {
    pageContext: { web: { absoluteUrl: PAGE_SITE }, legacyPageContext: {} },
    msGraphClientFactory: { getClient }
  } as unknown as WebPartContext;
  return { context, getClient };
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
});
