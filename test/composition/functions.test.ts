import { createAzureServiceDeps, functionRoutes, readServiceSettings } from '../../src/composition/functions';
import { JwtAccessTokenVerifier } from '../../src/data/auth/jwtAccessTokenVerifier';

const complete = {
  VSA_TENANT_ID: '11111111-2222-4333-8444-555555555555',
  VSA_SITE_URL: 'https://contoso.sharepoint.com/sites/microdata',
  VSA_API_AUDIENCE: 'api://microdata-dossiers',
  VSA_SERVICE_CLIENT_ID: '99999999-8888-4777-8666-555555555555',
  VSA_CERTIFICATE_PATH: '/home/site/certs/vsa-service.pem',
  VSA_REGISTER_URL: 'https://contoso.sharepoint.com/sites/microdata/SitePages/Register.aspx'
};

describe('the command service’s settings on Azure', () => {
  it('reads every setting, optional ones included', () => {
    expect(readServiceSettings({ ...complete, VSA_DPO_TEAM_MAILBOX: 'dpo@contoso.example', VSA_CERTIFICATE_PASSWORD: 'pw' })).toEqual({
      tenantId: complete.VSA_TENANT_ID,
      siteUrl: complete.VSA_SITE_URL,
      apiAudience: complete.VSA_API_AUDIENCE,
      clientId: complete.VSA_SERVICE_CLIENT_ID,
      certificatePath: complete.VSA_CERTIFICATE_PATH,
      certificatePassword: 'pw',
      registerUrl: complete.VSA_REGISTER_URL,
      dpoTeamMailbox: 'dpo@contoso.example'
    });
  });

  it('names every missing setting in one error', () => {
    expect(() => readServiceSettings({ VSA_SITE_URL: complete.VSA_SITE_URL, VSA_TENANT_ID: '  ' })).toThrow(
      'The command service is missing the setting(s) VSA_TENANT_ID, VSA_API_AUDIENCE, VSA_SERVICE_CLIENT_ID, VSA_CERTIFICATE_PATH, VSA_REGISTER_URL (see docs/deployment-service.md).'
    );
  });

  it('refuses a site or register URL that is not https', () => {
    expect(() => readServiceSettings({ ...complete, VSA_SITE_URL: 'http://contoso.sharepoint.com/sites/microdata' })).toThrow(/VSA_SITE_URL must be an https/);
  });

  it('composes the handlers’ dependencies without contacting Entra ID or SharePoint', () => {
    const deps = createAzureServiceDeps(complete);
    expect(deps.verifier).toBeInstanceOf(JwtAccessTokenVerifier);
    expect(typeof deps.trusted.commands.execute).toBe('function');
    expect(() => createAzureServiceDeps({})).toThrow(/VSA_TENANT_ID/);
  });

  it('turns the contract’s routes into Functions route templates', () => {
    expect(functionRoutes).toEqual({
      command: 'dossiers/{reference}/commands',
      document: 'dossiers/{reference}/documents',
      publication: 'dossiers/{reference}/publication'
    });
  });
});
