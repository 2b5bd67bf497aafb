import { parseWordAddinConfig } from '../../src/composition/officeConfig';

const base = { entraClientId: 'abc', graphScopes: ['User.Read'], siteUrl: 'https://x/sites/m' };

describe('task pane settings of the command service', () => {
  it('no serviceUrl (or an empty one) means the review is written directly', () => {
    expect(parseWordAddinConfig(JSON.stringify(base)).serviceUrl).toBeUndefined();
    expect(parseWordAddinConfig(JSON.stringify({ ...base, serviceUrl: ' ' })).serviceUrl).toBeUndefined();
  });

  it('reads the service URL (trailing slash dropped) and the scope', () => {
    const config = parseWordAddinConfig(JSON.stringify({ ...base, serviceUrl: 'https://svc.example/api/', serviceScope: 'api://other/Dossiers.ReadWrite' }));
    expect(config.serviceUrl).toBe('https://svc.example/api');
    expect(config.serviceScope).toBe('api://other/Dossiers.ReadWrite');
  });

  it('refuses a service URL that is not https', () => {
    expect(() => parseWordAddinConfig(JSON.stringify({ ...base, serviceUrl: 'http://svc.example/api' }))).toThrow(/serviceUrl/);
  });
});
