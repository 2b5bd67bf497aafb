/**
 * What the register web part loads before its first render (docs/performance.md, "Register bundle after
 * issue 14"): the register list, not the code that changes or details a dossier. An esbuild production
 * build of the entry, split like the SPFx bundle; the modules reached by static imports from the entry
 * are what webpack puts in `dossier-register-web-part_*.js`. The size itself is checked on the real gulp
 * output by `npm run package` (scripts/bundle-budget.js): esbuild's estimate runs 10–12 KB above webpack's.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { build, type Metafile } from 'esbuild';

const root = join(__dirname, '../..');

jest.setTimeout(120_000);

/** The source files in the entry's first load (its output and the chunks it imports statically). */
async function firstLoadInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [join(root, entry)],
    absWorkingDir: root,
    bundle: true, write: false, format: 'esm', splitting: true, outdir: join(tmpdir(), 'register-bundle-test'), minify: true, metafile: true,
    platform: 'browser', target: 'es2017', external: ['react', 'react-dom', '@microsoft/*', 'DossierRegisterWebPartStrings'],
    define: { 'process.env.NODE_ENV': '"production"' }, logLevel: 'silent'
  });
  const outputs: Metafile['outputs'] = result.metafile.outputs;
  const initial = new Set<string>();
  const visit = (key: string): void => {
    if (initial.has(key) || !outputs[key]) return;
    initial.add(key);
    for (const imported of outputs[key].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  const entryOutput = Object.keys(outputs).find((key) => outputs[key].entryPoint === entry);
  expect(entryOutput).toBeDefined();
  visit(entryOutput ?? '');
  return [...initial].flatMap((key) => Object.keys(outputs[key].inputs)).filter((input) => input.startsWith('src/'));
}

describe('register web part first load', () => {
  let inputs: string[] = [];
  beforeAll(async () => {
    inputs = await firstLoadInputs('src/webparts/dossierRegister/DossierRegisterWebPart.ts');
  });

  it('holds the register list and its client data layer', () => {
    expect(inputs).toEqual(expect.arrayContaining([
      'src/ui/register/RegisterView.tsx',
      'src/composition/clientDataLayer.ts',
      'src/data/sharepoint/readModel.ts',
      'src/data/service/remoteCommandService.ts'
    ]));
  });

  it('holds no trusted writer: no command service, decide, guards or service-only stores', () => {
    const writer = [
      'src/data/commandService.ts',
      'src/domain/decide.ts',
      'src/domain/handlers.ts',
      'src/data/reactions.ts',
      'src/data/findingsProjection.ts',
      'src/data/sharepoint/findingsStore.ts',
      'src/data/sharepoint/restrictedNoteStore.ts',
      'src/data/sharepoint/provisioning.ts',
      'src/composition/dataLayer.ts'
    ];
    expect(inputs.filter((input) => writer.includes(input) || input.startsWith('src/domain/guards/'))).toEqual([]);
  });

  it('loads replay and the dossier detail on first use: no evolve, findings rules, scope, form facts, checks or diff', () => {
    const detail = [
      'src/data/mergeStream.ts',
      'src/domain/evolve.ts',
      'src/domain/findings.ts',
      'src/domain/scope.ts',
      'src/app/registerDetail.ts',
      'src/app/formFacts.ts',
      'src/app/registerChecks.ts',
      'src/app/registerUpload.ts',
      'src/forms/diff.ts',
      'src/ui/dialogs/commandForm.ts'
    ];
    expect(inputs.filter((input) => detail.includes(input))).toEqual([]);
  });

  it('loads the institution register on first use: no rules, adapter, cache or view of it', () => {
    const institutions = [
      'src/domain/institutionRules.ts',
      'src/app/institutions.ts',
      'src/data/sharepoint/institutionStore.ts',
      'src/composition/institutionsChunk.ts',
      'src/ui/institutions/InstitutionsView.tsx'
    ];
    expect(inputs.filter((input) => institutions.includes(input))).toEqual([]);
  });

  it('loads the lifecycle on first use: no lifecycle rules, delivery dialog, panel section or extension reminders (issue 16)', () => {
    const lifecycle = [
      'src/domain/lifecycle.ts',
      'src/ui/lifecycle/DeliveryDialog.tsx',
      'src/ui/lifecycle/deliveryForm.ts',
      'src/ui/lifecycle/LifecycleSection.tsx',
      'src/ui/lifecycle/lifecycleStrings.ts',
      'src/domain/guards/lifecycle.ts',
      'src/publication/extension.ts'
    ];
    expect(inputs.filter((input) => lifecycle.includes(input))).toEqual([]);
  });

  it('holds the clocks but not the holiday library, the settings validation, adherence or the CSV export (issue 16)', () => {
    expect(inputs).toEqual(expect.arrayContaining(['src/domain/clocks/dossierClock.ts', 'src/domain/clocks/belgianHolidays.ts']));
    const later = ['src/domain/clocks/settings.ts', 'src/app/procedureSettings.ts', 'src/data/sharepoint/procedureSettingsReader.ts', 'src/domain/clocks/adherence.ts', 'src/domain/clocks/csv.ts', 'src/data/calendar/dateHolidaysCalendar.ts'];
    expect(inputs.filter((input) => later.includes(input))).toEqual([]);
  });

  it('loads the requester drafts on first use: only the filter\'s words and hook, no service, adapter, section or reminder table (issue 16)', () => {
    const drafts = [
      'src/app/requesterDrafts.ts',
      'src/data/sharepoint/requesterDrafts.ts',
      'src/composition/requesterDrafts.ts',
      'src/ui/reminders/RequesterDraftsSection.tsx',
      'src/domain/reminders/policy.ts',
      'src/correspondence/reminderTexts.ts'
    ];
    expect(inputs.filter((input) => drafts.includes(input))).toEqual([]);
    expect(inputs).toEqual(expect.arrayContaining(['src/ui/reminders/requesterDrafts.strings.ts', 'src/webparts/dossierRegister/app/useRequesterDrafts.ts']));
  });
});
