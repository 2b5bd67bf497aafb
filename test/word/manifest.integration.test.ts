/**
 * Offline manifest checks. `office-addin-manifest validate` needs Microsoft's online service
 * (`npm run validate:word-manifest`); here the manifest is read with office-addin-manifest's own
 * reader and parsed with xmldom to check what Word needs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { execFileSync } from 'node:child_process';
import type { ManifestInfo } from 'office-addin-manifest/lib/manifestInfo';
import { MANIFEST_MIN_WORD_API, renderManifest, validateHosting } from '../../src/word/manifest/manifestXml';
import type { AddinHosting } from '../../src/word/manifest/manifestXml';

const hosting: AddinHosting = JSON.parse(readFileSync(join(__dirname, '../../config/word/hosting.json'), 'utf8'));

/**
 * Reads the manifest with `OfficeAddinManifest.readManifestFile` in a child Node process: the package
 * loads ESM-only dependencies (uuid, @microsoft/app-manifest) that Node 22 can `require` but jest's
 * CommonJS runtime cannot.
 */
async function readManifest(xml: string): Promise<ManifestInfo> {
  const file = join(mkdtempSync(join(tmpdir(), 'word-manifest-')), 'manifest.xml');
  writeFileSync(file, xml);
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((info) => process.stdout.write(JSON.stringify(info)), (error) => { process.stderr.write(String(error)); process.exit(1); });';
  const output = execFileSync(process.execPath, ['-e', script, file], { cwd: join(__dirname, '../..'), encoding: 'utf8', env: { ...process.env, OFFICE_ADDIN_USAGE_DATA_OPT_IN: 'false' } });
  return JSON.parse(output) as ManifestInfo;
}

describe('Word add-in manifest', () => {
  const xml = renderManifest(hosting);

  it('is read by office-addin-manifest with id, version, Word host, https task pane and icons', async () => {
    const info = await readManifest(xml);
    expect(info.id).toBe(hosting.addinId);
    expect(info.version).toBe(hosting.version);
    expect(info.hosts).toEqual(['Document']);
    expect(info.permissions).toBe('ReadWriteDocument');
    expect(info.defaultLocale).toBe('nl-NL');
    expect(info.displayName).toBe('Microdata-formuliercontrole');
    expect(info.defaultSettings?.sourceLocation).toBe(`${hosting.baseUrl}taskpane.html`);
    for (const url of [info.defaultSettings?.sourceLocation, info.iconUrl, info.highResolutionIconUrl, info.supportUrl]) {
      expect(url).toMatch(/^https:\/\//);
    }
    expect(info.iconUrl).toBe(`${hosting.baseUrl}assets/icon-32.png`);
  });

  it('requires WordApi 1.3 (1.4 is checked at run time) and points every resource at https', () => {
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const sets = doc.getElementsByTagName('Set');
    expect(sets.length).toBe(1);
    expect(sets.item(0)!.getAttribute('Name')).toBe('WordApi');
    expect(sets.item(0)!.getAttribute('MinVersion')).toBe(MANIFEST_MIN_WORD_API);
    const urls = Array.from({ length: doc.getElementsByTagName('bt:Url').length }, (_, i) => doc.getElementsByTagName('bt:Url').item(i)!.getAttribute('DefaultValue'));
    const images = Array.from({ length: doc.getElementsByTagName('bt:Image').length }, (_, i) => doc.getElementsByTagName('bt:Image').item(i)!);
    expect(urls.every((url) => url?.startsWith('https://'))).toBe(true);
    expect(images.filter((image) => image.getAttribute('DefaultValue')).map((image) => image.getAttribute('DefaultValue'))).toEqual(
      ['16', '32', '80'].map((size) => `${hosting.baseUrl}assets/icon-${size}.png`)
    );
    const appDomains = doc.getElementsByTagName('AppDomain');
    expect(appDomains.item(0)!.textContent).toBe(new URL(hosting.baseUrl).origin);
  });

  it('has every icon the manifest names in config/word/assets', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(join(__dirname, `../../config/word/assets/icon-${size}.png`));
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(size);
    }
  });

  it('refuses hosting settings Word would reject, naming each problem', () => {
    expect(() => validateHosting({ ...hosting, baseUrl: 'http://localhost:3000/word/' })).toThrow(/baseUrl .* must be https/);
    expect(() => validateHosting({ ...hosting, addinId: 'abc', version: '1.0' })).toThrow(/addinId "abc" is not a GUID; version "1.0"/);
    expect(() => renderManifest({ ...hosting, providerName: ' ' })).toThrow(/providerName is empty/);
  });

  it('escapes XML in the settings', () => {
    expect(renderManifest({ ...hosting, providerName: 'A & B <VSA>' })).toContain('<ProviderName>A &amp; B &lt;VSA&gt;</ProviderName>');
  });
});
