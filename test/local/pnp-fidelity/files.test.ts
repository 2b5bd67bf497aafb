/**
 * PnPjs test/sp/files.ts replayed against the local tenant (see replay.ts): the files of the default
 * document library ("Documents" here), addressed as `web/defaultDocumentLibrary/rootFolder/files`.
 */
import '@pnp/sp/folders';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/sharing';
import '@pnp/sp/site-users/web';
import '@pnp/sp/files';
import '@pnp/sp/batching';
import { combine } from '@pnp/core';
import { TemplateFileType, fileFromServerRelativePath, type IFiles } from '@pnp/sp/files';
import { replay, randomString, useReplayTenant } from './replay';

const context = useReplayTenant({ documents: true });
const files = (): IFiles => context.sp.web.defaultDocumentLibrary.rootFolder.files;
const testFileName = `testing - ${randomString(4)}.txt`;
const testFileNamePercentPound = `testing %# - ${randomString(4)}.txt`;
let percentPoundPath = '';

beforeAll(async () => {
  await files().addUsingPath(testFileName, 'Test file!', { Overwrite: true });
  const res = await files().addUsingPath(testFileNamePercentPound, 'Test file!', { Overwrite: true });
  percentPoundPath = res.ServerRelativeUrl;
});

describe('PnPjs Files', () => {
  replay('getByUrl (FileName)', 'pass', async () => {
    const file = await files().getByUrl(testFileName)();
    // A key predicate addresses one file, never the collection.
    expect(file.Name).toBe(testFileName);
  });
  replay('getFileByServerRelativePath (%#)', 'pass', async () => {
    expect((await context.sp.web.getFileByServerRelativePath(percentPoundPath)()).Name).toBe(testFileNamePercentPound);
  });
  replay('getFileByUrl', 'refused', async () => {
    const item = await context.sp.web.getFileByServerRelativePath(percentPoundPath).getItem();
    const urlData = await item.select('EncodedAbsUrl')<{ EncodedAbsUrl: string }>();
    await context.sp.web.getFileByUrl(urlData.EncodedAbsUrl)();
  });
  replay('addUsingPath', 'pass', async () => {
    const name = `Testing Add - ${randomString(4)}.txt`;
    await files().addUsingPath(name, 'Some test text content.');
    expect((await files().getByUrl(name)()).Name).toBe(name);
  });
  replay('addUsingPath (overwrite)', 'pass', async () => {
    const name = `Testing Add - ${randomString(4)}.txt`;
    await files().addUsingPath(name, 'Some test text content.');
    await files().addUsingPath(name, 'Different Content.', { Overwrite: true });
    expect(await files().getByUrl(name).getText()).toBe('Different Content.');
  });
  replay("addUsingPath (' char)", 'pass', async () => {
    const name = `Testing Add ' ${randomString(4)}.txt`;
    await files().addUsingPath(name, 'Some test text content.');
    expect((await files().getByUrl(name)()).Name).toBe(name);
  });
  replay('addUsingPath (result invokable)', 'pass', async () => {
    const file = await files().addUsingPath(`Testing Add - ${randomString(4)}.txt`, 'Some test text content.');
    await files().getByUrl(file.Name).getText();
  });
  replay('addUsingPath (silly chars)', 'pass', async () => {
    const name = `Testing Add & = + - ${randomString(4)}.txt`;
    const res = await files().addUsingPath(name, 'Some test text content.');
    expect((await context.sp.web.getFileByServerRelativePath(res.ServerRelativeUrl)()).Name).toBe(name);
  });
  replay('addChunked', 'refused', async () => {
    const name = `Testing Chunked - ${randomString(4)}.jpg`;
    const far = await files().addChunked(name, new Blob([new Uint8Array(20000)]) as never, undefined);
    expect(far).not.toBeNull();
    await files().getByUrl(name)();
  });
  replay('addTemplateFile', 'refused', async () => {
    const webData = await context.sp.web.select('ServerRelativeUrl')();
    const far = await files().addTemplateFile(combine('/', webData.ServerRelativeUrl, `/SitePages/Testing template file - ${randomString(4)}.aspx`), TemplateFileType.StandardPage);
    await fileFromServerRelativePath(files(), far.ServerRelativeUrl)();
  });
  replay('getFileById', 'refused', async () => {
    const far = await files().addUsingPath(`Testing getFileById - ${randomString(4)}.txt`, 'Some test text content.');
    const fileById = await context.sp.web.getFileById(far.UniqueId).select('UniqueId')();
    expect(fileById.UniqueId).toBe(far.UniqueId);
  });
  replay('filter (silly chars)', 'pass', async () => {
    const name = `Testing Silly Chars & = + - ${randomString(4)}.txt`;
    await files().addUsingPath(name, 'Some test text content.');
    const fileList = await files().filter(`Name eq '${name.replace(/'/g, "''")}'`)();
    expect(fileList).toHaveLength(1);
  });
});

describe('PnPjs File', () => {
  const added = async (prefix: string): Promise<string> => {
    const name = `${prefix} - ${randomString(4)}.txt`;
    await files().addUsingPath(name, 'Some test text content.');
    return name;
  };
  const libraryPath = async (name: string): Promise<string> => combine('/', (await context.sp.web.defaultDocumentLibrary.rootFolder.select('ServerRelativeUrl')()).ServerRelativeUrl, name);

  replay('delete', 'pass', async () => {
    const name = await added('Testing Delete');
    expect(await files().filter(`Name eq '${name}'`)()).toHaveLength(1);
    await files().getByUrl(name).delete();
    expect(await files().filter(`Name eq '${name}'`)()).toHaveLength(0);
  });
  replay('deleteWithParams', 'refused', async () => {
    const name = await added('Testing Delete');
    await files().getByUrl(name).deleteWithParams({ BypassSharedLock: true });
  });
  replay('listItemAllFields', 'pass', () => files().getByUrl(testFileName).listItemAllFields());
  replay('versions', 'pass', () => files().getByUrl(testFileName).versions());
  replay('checkin/checkout', 'refused', async () => {
    const file = files().getByUrl(await added('Testing check in out'));
    await file.checkout();
    expect((await file.select('CheckOutType')<{ CheckOutType: number }>()).CheckOutType).toBe(0);
    await file.checkin();
  });
  replay('copyTo', 'refused', async () => {
    const name = await added('Testing copyTo');
    await files().getByUrl(name).copyTo(await libraryPath(`I Copied - ${randomString(4)}.aspx`), true);
  });
  replay('copyByPath', 'refused', async () => {
    const name = await added('Testing copyByPath');
    await files().getByUrl(name).copyByPath(await libraryPath(`I Copied - ${randomString(4)}.aspx`), true);
  });
  replay('copyByPath - options', 'refused', async () => {
    const name = await added('Testing copyByPath');
    await files().getByUrl(name).copyByPath(await libraryPath(`I Copied - ${randomString(4)}.aspx`), true, { KeepBoth: true, ResetAuthorAndCreatedOnCopy: false, ShouldBypassSharedLocks: true });
  });
  replay('moveByPath', 'refused', async () => {
    const name = await added('Testing moveByPath');
    await files().getByUrl(name).moveByPath(await libraryPath(`I Copied - ${randomString(4)}.aspx`), true);
  });
  replay('moveByPath - options', 'refused', async () => {
    const name = await added('Testing moveByPath');
    await files().getByUrl(name).moveByPath(await libraryPath(`I Copied - ${randomString(4)}.aspx`), true, { KeepBoth: true, RetainEditorAndModifiedOnMove: false, ShouldBypassSharedLocks: true });
  });
  replay('moveByPath - batched', 'refused', async () => {
    const name = await added('Testing moveByPath');
    const name2 = `I Copied - ${randomString(4)}.aspx`;
    const [batch, execute] = context.sp.web.batched();
    void batch.getFileByServerRelativePath(await libraryPath(name)).moveByPath(await libraryPath(name2), true).catch(() => undefined);
    await execute();
    await files().getByUrl(name2)();
  });
  replay('recycle', 'pass', async () => {
    const name = await added('Testing Recycle');
    expect(await files().filter(`Name eq '${name}'`)()).toHaveLength(1);
    await files().getByUrl(name).recycle();
    expect(await files().filter(`Name eq '${name}'`)()).toHaveLength(0);
  });
  replay('exists (true)', 'pass', async () => {
    expect(await files().getByUrl(await added('Testing Exists')).exists()).toBe(true);
  });
  replay('exists (false)', 'pass', async () => {
    expect(await files().getByUrl(`Testing Exists - ${randomString(4)}.txt`).exists()).toBe(false);
  });
  replay('setContent', 'refused', async () => {
    const name = await added('Testing setContent');
    await files().getByUrl(name).setContent('different.');
    expect(await files().getByUrl(name).getText()).toBe('different.');
  });
  replay('getItem', 'pass', async () => {
    const item = await files().getByUrl(await added('Testing setContent')).getItem();
    await item();
  });
  replay('getLockedByUser', 'refused', async () => {
    expect(await files().getByUrl(await added('Testing getLockedByUser')).getLockedByUser()).toBeNull();
  });
});

describe("a folder's files are filtered and addressed by key", () => {
  it('honours $filter on a folder\'s files and answers one file for files(\'<name>\')', async () => {
    const name = `Filtered - ${randomString(4)}.txt`;
    await files().addUsingPath(name, 'x');
    await files().addUsingPath(`Other - ${randomString(4)}.txt`, 'y');
    const all = await files()();
    expect(all.length).toBeGreaterThan(1);
    const filtered = await files().filter(`Name eq '${name}'`).select('Name')();
    expect(filtered.map((f) => f.Name)).toEqual([name]);
    const one = await files().getByUrl(name).select('Name', 'Length')();
    expect(one).toEqual(expect.objectContaining({ Name: name, Length: '1' }));
    const missing = await files().getByUrl(`missing-${randomString(4)}.txt`)().then(() => 200, (e: { status: number }) => e.status);
    expect(missing).toBe(404);
  });

  it('refuses $orderby on a folder\'s files with a 501 rather than an unordered answer', async () => {
    const status = await files().orderBy('Name')().then(() => 200, (e: { status: number }) => e.status);
    expect(status).toBe(501);
  });

  it('serves web/defaultDocumentLibrary as the site\'s "Documents" library', async () => {
    const library = await context.sp.web.defaultDocumentLibrary.select('Title', 'BaseTemplate')();
    expect(library).toEqual(expect.objectContaining({ Title: 'Documents', BaseTemplate: 101 }));
  });
});
