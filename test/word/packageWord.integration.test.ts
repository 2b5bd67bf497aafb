import { bundleTaskpane, readHosting, taskpaneHtml } from '../../scripts/package-word';
import { hasEntraApp, parseWordAddinConfig } from '../../src/composition/officeConfig';
import { DOMParser } from '@xmldom/xmldom';

describe('Word add-in packaging', () => {
  it('takes the hosting URL from the environment when set', () => {
    expect(readHosting({}).baseUrl).toMatch(/^https:\/\/.+\/$/);
    expect(readHosting({ WORD_ADDIN_BASE_URL: 'https://cdn.example.be/word' }).baseUrl).toBe('https://cdn.example.be/word/');
  });

  it('writes a task pane page that loads office.js and carries the settings safely', () => {
    const html = taskpaneHtml({ entraClientId: 'id', graphScopes: ['User.Read'], siteUrl: 'https://x.sharepoint.com/sites/m</script><script>alert(1)' });
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
    expect(html).toContain('<script type="module" src="taskpane.js"></script>');
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const json = /<script type="application\/json" id="vsa-word-config">(.*?)<\/script>/.exec(html)![1];
    expect(JSON.parse(json).siteUrl).toBe('https://x.sharepoint.com/sites/m</script><script>alert(1)');
    expect(new DOMParser().parseFromString(html, 'text/html').getElementById('root')).not.toBeNull();
  });
});

describe('task pane bundle', () => {
  it('bundles the Office entry for the browser (es2017 modules, no Node built-ins)', async () => {
    const bundle = await bundleTaskpane(false);
    const entry = bundle.files.find((file) => file.path === 'taskpane.js')!;
    expect(entry.initial).toBe(true);
    expect(entry.code).toContain('vsa-word-config');
    for (const file of bundle.files) expect(file.code).not.toMatch(/require\("(fs|path|node:[a-z]+)"\)/);
  }, 60_000);

  it('loads at most 150 KB gzip before the first render; MSAL, the Graph client and the forms engine on use', async () => {
    const bundle = await bundleTaskpane(false);
    expect(bundle.initialGzipBytes).toBeLessThanOrEqual(150 * 1024);
    const initialCode = bundle.files.filter((file) => file.initial).map((file) => file.code).join('\n');
    const lazyCode = bundle.files.filter((file) => !file.initial).map((file) => file.code).join('\n');
    // Marker strings of MSAL, the Graph client and xmldom (forms engine): in lazy chunks only.
    for (const marker of ['BrowserAuthError', 'SdkVersion', 'XMLSerializer']) {
      expect(lazyCode).toContain(marker);
      expect(initialCode).not.toContain(marker);
    }
  }, 60_000);
});

describe('task pane settings', () => {
  it('parses valid settings and trims the site URL', () => {
    const config = parseWordAddinConfig(JSON.stringify({ entraClientId: 'abc', graphScopes: ['User.Read'], siteUrl: 'https://x/sites/m/' }));
    expect(config).toEqual({ entraClientId: 'abc', authority: undefined, graphScopes: ['User.Read'], siteUrl: 'https://x/sites/m' });
    expect(hasEntraApp(config)).toBe(true);
    expect(hasEntraApp({ ...config, entraClientId: '00000000-0000-0000-0000-000000000000' })).toBe(false);
  });

  it('names what is wrong', () => {
    expect(() => parseWordAddinConfig('{')).toThrow(/not valid JSON/);
    expect(() => parseWordAddinConfig('{"graphScopes":[],"siteUrl":"https://x"}')).toThrow(/entraClientId/);
    expect(() => parseWordAddinConfig('{"entraClientId":"a","graphScopes":[],"siteUrl":"sites/m"}')).toThrow(/siteUrl/);
    expect(() => parseWordAddinConfig('{"entraClientId":"a","graphScopes":"User.Read","siteUrl":"https://x"}')).toThrow(/graphScopes/);
  });
});
