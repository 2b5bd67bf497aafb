import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import {
  approvalsWebPartId,
  buildTeamsPackage,
  checkTeamsPackage,
  defaultTeamsPackagePaths,
  pngSize,
  readJsonWithComments,
  localizationSchemaProblems,
  schemaProblems,
  stripLineComments,
  type TeamsPackagePaths
} from '../../scripts/package-teams';

const webPartId = approvalsWebPartId();

/** A copy of teams/ in a temp folder, with `mutate` applied to the manifest. */
function mutatedTeamsDir(mutate: (manifest: Record<string, any>) => void, extraFiles: Record<string, Uint8Array> = {}): TeamsPackagePaths {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-pkg-'));
  for (const name of fs.readdirSync(defaultTeamsPackagePaths.teamsDir)) {
    fs.copyFileSync(path.join(defaultTeamsPackagePaths.teamsDir, name), path.join(dir, name));
  }
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  mutate(manifest);
  fs.writeFileSync(manifestPath, JSON.stringify(manifest));
  for (const [name, bytes] of Object.entries(extraFiles)) fs.writeFileSync(path.join(dir, name), bytes);
  return { ...defaultTeamsPackagePaths, teamsDir: dir };
}

describe('Teams app package (offline)', () => {
  it('the web part manifest declares SharePoint, Teams tab and Teams personal app hosts', () => {
    const manifest = readJsonWithComments(defaultTeamsPackagePaths.webPartManifest);
    expect(manifest.supportedHosts).toEqual(expect.arrayContaining(['SharePointWebPart', 'TeamsTab', 'TeamsPersonalApp']));
    expect(webPartId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(webPartId).not.toBe('1266b34a-ef1b-40cc-8f4f-d81f16b14135');
  });

  it('builds a zip with manifest, localization and both icons, and finds no problem', async () => {
    const bytes = await buildTeamsPackage();
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).sort()).toEqual(
      ['manifest.json', 'en-us.json', `${webPartId}_color.png`, `${webPartId}_outline.png`].sort()
    );
    expect(await checkTeamsPackage(bytes, webPartId)).toEqual([]);
    const color = pngSize(await zip.file(`${webPartId}_color.png`)!.async('uint8array'));
    const outline = pngSize(await zip.file(`${webPartId}_outline.png`)!.async('uint8array'));
    expect(color).toEqual({ width: 192, height: 192 });
    expect(outline).toEqual({ width: 32, height: 32 });
  });

  it('is deterministic: the same sources give the same bytes', async () => {
    const [first, second] = await Promise.all([buildTeamsPackage(), buildTeamsPackage()]);
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
  });

  it('validates against the bundled schema of the version it declares', async () => {
    const manifest = readJsonWithComments(path.join(defaultTeamsPackagePaths.teamsDir, 'manifest.json'));
    expect(manifest.manifestVersion).toBe('1.25');
    expect(await schemaProblems(manifest)).toEqual([]);
    expect(await schemaProblems({ ...manifest, name: { short: 'x'.repeat(40), full: 'y' } })).toEqual(
      expect.arrayContaining([expect.stringContaining('should NOT be longer than 30 characters')])
    );
  });

  it('validates the English localization file against the bundled localization schema', () => {
    const manifest = readJsonWithComments(path.join(defaultTeamsPackagePaths.teamsDir, 'manifest.json'));
    expect(localizationSchemaProblems(manifest, defaultTeamsPackagePaths.teamsDir)).toEqual([]);
    const paths = mutatedTeamsDir(() => undefined, { 'en-us.json': new TextEncoder().encode(JSON.stringify({ 'name.short': 'x', 'unknown.key': 'y' })) });
    expect(localizationSchemaProblems(manifest, paths.teamsDir)).toEqual(
      expect.arrayContaining([expect.stringContaining('en-us.json: / should NOT have additional properties'), expect.stringContaining("required property 'description.short'")])
    );
  });

  it('reports a wrong icon size, a missing required field and an id that is not the web part', async () => {
    const wrongIcon = fs.readFileSync(path.join(defaultTeamsPackagePaths.teamsDir, `${webPartId}_outline.png`));
    const paths = mutatedTeamsDir(
      (manifest) => {
        delete manifest.accentColor;
        manifest.id = '00000000-0000-0000-0000-000000000000';
        manifest.icons.color = 'small.png';
      },
      { 'small.png': wrongIcon }
    );
    const problems = await checkTeamsPackage(await buildTeamsPackage(paths), webPartId);
    expect(problems).toEqual(
      expect.arrayContaining([
        'required field "accentColor" is missing',
        `app id 00000000-0000-0000-0000-000000000000 differs from the web part id ${webPartId}`,
        'icon "color" is 32x32, expected 192x192'
      ])
    );
  });

  it('reports tabs that do not open the approvals web part and a schema/version mismatch', async () => {
    const paths = mutatedTeamsDir((manifest) => {
      manifest.staticTabs[0].contentUrl = 'https://example.org/';
      manifest.manifestVersion = '1.24';
    });
    const problems = await checkTeamsPackage(await buildTeamsPackage(paths), webPartId);
    expect(problems).toContain('static tab "approvals" does not open the approvals web part');
    expect(problems).toContain('manifestVersion 1.24 does not match the $schema version 1.25');
  });

  it('rejects a zip without manifest and bytes that are not PNG', async () => {
    const empty = await new JSZip().generateAsync({ type: 'uint8array' });
    expect(await checkTeamsPackage(empty, webPartId)).toEqual(['manifest.json is missing at the root of the zip']);
    expect(pngSize(new TextEncoder().encode('not a png at all, really not'))).toBeUndefined();
  });

  it('strips // comments but keeps URLs inside strings', () => {
    const text = '{\n "a": "https://x.org/y", // comment\n // whole line\n "b": "c\\"//d"\n}';
    expect(JSON.parse(stripLineComments(text))).toEqual({ a: 'https://x.org/y', b: 'c"//d' });
  });
});
