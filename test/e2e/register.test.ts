/**
 * End to end: the local workbench page `/workbench/register` in Chromium against an in-process local
 * tenant. Scenario (procedure steps 1–3): a DPO-team member registers a dossier and assigns it; the
 * statistician requests the forms; the team uploads the three drafts, sees the check findings,
 * registers them, returns them for changes, uploads corrected versions; a second team member starts
 * the deliberation while the first, still looking at the old state, gets a clear conflict. Also: a
 * forbidden action is not offered, and axe-core finds no serious violation on any screen.
 * Screenshots of every screen go to docs/screenshots/register-*.png (used in docs/guide.md) when run by
 * `npm run docs:screenshots`, otherwise to test-output/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createLocalComposition } from '../../src/composition/local';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { buildForm, type FormFacts } from '../../src/local/seed/documents';
import { SeededRandom } from '../../src/local/seed/random';
import { productExtensions } from '../../src/local/product';
import { fillRegister } from '../webparts/register/support/bulkRegister';
import { launchBrowserOrSkip, seriousAxeViolations } from '../support/browser';
import { screenshotDirectory } from '../support/screenshots';

const e2e = launchBrowserOrSkip('register e2e tests');

const screenshotDir = screenshotDirectory();

jest.setTimeout(240_000);

async function signIn(browser: Browser, baseUrl: string, persona: RegExp): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'nl-BE' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByRole('button', { name: persona }).click();
  await page.goto(`${baseUrl}/workbench/register`);
  await page.getByText(/van \d+ dossiers/).waitFor();
  return { context, page };
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await page.screenshot({ path: join(screenshotDir, `register-${name}.png`) });
}

function actions(page: Page) {
  return page.getByRole('region', { name: 'Acties' });
}

async function openDossier(page: Page, reference: string): Promise<void> {
  await page.getByRole('link', { name: `Dossier ${reference} openen` }).first().click();
  await page.getByRole('heading', { name: `Dossier ${reference}` }).waitFor();
  await actions(page).or(page.getByText('U kunt in deze status geen acties uitvoeren.')).first().waitFor();
}

async function give(page: Page, command: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>, screenshot?: string): Promise<void> {
  await actions(page).getByRole('button', { name: command }).click();
  const dialog = page.getByRole('alertdialog');
  const confirm = dialog.getByRole('button', { name: 'Bevestigen' });
  // The dialog's own element has no box of its own (Fluent's modal layer); wait on its content.
  await confirm.waitFor();
  if (fill) await fill(dialog);
  if (screenshot) await shot(page, screenshot);
  await confirm.click();
  // Accepted with warnings ("saved, but ..."): the dialog stays to show them until closed.
  const close = dialog.getByRole('button', { name: 'Sluiten' });
  // "Annuleren" stays while saving and goes only when the dialog closes.
  const cancel = dialog.getByRole('button', { name: 'Annuleren' });
  await Promise.race([cancel.waitFor({ state: 'detached' }), close.waitFor({ state: 'visible' })]);
  if (await close.isVisible()) await close.click();
  await close.waitFor({ state: 'detached' });
}

async function stateShown(page: Page, label: string): Promise<void> {
  await page.getByRole('tab', { name: 'Samenvatting' }).click().catch(async (error: unknown) => {
    await page.screenshot({ path: join(tmpdir(), 'register-e2e-failure.png') });
    throw error;
  });
  await page.locator('dd', { hasText: label }).first().waitFor();
}

e2e.describe('dossier register in the browser', () => {
  let tenant: LocalTenant;
  let browser: Browser;
  let workDir: string;
  const violations: Record<string, string[]> = {};

  const facts: FormFacts = {
    reference: 'VSA-E2E', institution: 'Universiteit Antwerpen', institutionType: 'onderzoeksinstelling',
    address: 'Prinsstraat 13, 2000 Antwerpen', kbo: '0000000097', contactName: 'Hanne Goossens', contactFunction: 'Onderzoeker',
    contactEmail: 'hanne.goossens@uantwerpen.example', title: 'Vrijetijdsbesteding van jongeren', researchType: 'wetenschappelijk',
    startDate: '2027-01-01', endDate: '2028-12-31'
  };

  async function writeForms(dir: string, defect?: 'missingLegalBasis'): Promise<string[]> {
    mkdirSync(dir, { recursive: true });
    const random = new SeededRandom(7);
    const paths: string[] = [];
    for (const formType of ['aanvraagformulier', 'verklaringTOM', 'protocol'] as const) {
      const form = await buildForm(formType, facts, random, { defect, today: new Date().toISOString().slice(0, 10) });
      const path = join(dir, `${formType}.docx`);
      writeFileSync(path, form.bytes);
      paths.push(path);
    }
    return paths;
  }

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'register-e2e-'));
    tenant = await startLocalTenant({ ...productExtensions(), port: 0, dataFile: join(workDir, 'tenant.db') });
    await createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: 'beheer@vsa.local' }).data.provisioner.ensureAll();
    // Earlier years' dossiers, so the register and the dashboard look like a working register.
    fillRegister(tenant, 40);
    browser = await e2e.launch();
  });

  afterAll(async () => {
    await browser?.close();
    await tenant?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('runs a dossier from registration to deliberation, with findings, a forbidden action and a conflict', async () => {
    // Step 1: a DPO-team member registers the request.
    const team = await signIn(browser, tenant.baseUrl, /An Peeters/);
    const page = team.page;
    await shot(page, '01-register');
    violations.register = await seriousAxeViolations(page);

    await page.getByRole('button', { name: 'Nieuw dossier' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByLabel('Instelling van de aanvrager').fill(facts.institution);
    await dialog.getByRole('radio', { name: 'Onderzoeksinstelling' }).check();
    await dialog.getByLabel(/Naam contactpersoon/).fill(facts.contactName);
    await dialog.getByLabel(/E-mailadres contactpersoon/).fill(facts.contactEmail);
    await dialog.getByLabel(/Onderwerp van de aanvraag/).fill(facts.title);
    await dialog.getByText('De aanvrager komt in aanmerking voor individuele gegevens.').waitFor();
    await shot(page, '02-new-dossier');
    violations.newDossier = await seriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Registreren' }).click();

    const heading = page.getByRole('heading', { name: /^Dossier VSA-\d{4}-\d{4}$/ });
    await heading.waitFor();
    const reference = ((await heading.textContent()) ?? '').replace('Dossier ', '').trim();
    await stateShown(page, 'Ontvangen');
    await shot(page, '03-panel-summary');
    violations.panel = await seriousAxeViolations(page);

    await give(page, 'Statisticus toewijzen', async (d) => {
      await d.getByRole('radio', { name: 'Sofie Janssens' }).check();
    }, '04-assign-dialog');
    await stateShown(page, 'Vooronderzoek statisticus');

    // The assigned statistician requests the forms; team-only commands are not offered to her.
    const statistician = await signIn(browser, tenant.baseUrl, /Sofie Janssens/);
    await openDossier(statistician.page, reference);
    const offered = await actions(statistician.page).getByRole('button').allTextContents();
    expect(offered).toContain('Formulieren opvragen');
    expect(offered).not.toContain('Statisticus toewijzen');
    expect(offered).not.toContain('Intrekken');
    await shot(statistician.page, '05-statistician-actions');
    await give(statistician.page, 'Formulieren opvragen');
    await stateShown(statistician.page, 'Formulieren opgevraagd');
    await statistician.context.close();

    // Step 2: the team uploads the three drafts; the checks run on upload.
    await page.keyboard.press('Escape');
    await openDossier(page, reference);
    await stateShown(page, 'Formulieren opgevraagd');
    await page.getByRole('tab', { name: /Documenten/ }).click();
    await page.locator('input[type="file"]').setInputFiles(await writeForms(join(workDir, 'drafts'), 'missingLegalBasis'));
    await page.locator('[data-upload-status="done"]').nth(2).waitFor().catch(async (error: unknown) => {
      await page.screenshot({ path: join(tmpdir(), 'register-e2e-failure.png') });
      throw error;
    });
    await page.getByRole('button', { name: 'Bevindingen van aanvraagformulier.docx' }).click();
    await page.locator('[data-severity="blocking"]').first().waitFor();
    await shot(page, '06-documents-findings');
    violations.documents = await seriousAxeViolations(page);

    await give(page, 'Ontwerpdocumenten registreren', undefined, '07-register-drafts');
    await stateShown(page, 'In beoordeling');

    // Step 3: returned for changes, corrected versions uploaded and registered again.
    await give(page, 'Terugsturen met opmerkingen', async (d) => {
      // The open findings for the requester go along (issue 14); the box takes extra remarks.
      await d.getByLabel(/Opmerkingen voor de aanvrager|Extra opmerkingen/).fill('Vul de rechtsgrond aan in het aanvraagformulier.');
    }, '08-return-for-changes');
    await stateShown(page, 'Teruggestuurd met opmerkingen');
    await page.getByRole('tab', { name: /Documenten/ }).click();
    await page.locator('input[type="file"]').setInputFiles(await writeForms(join(workDir, 'corrected')));
    await page.locator('[data-upload-status="done"]').nth(5).waitFor();
    await page.getByText('Versies: 1.0, 2.0').first().waitFor();
    await shot(page, '09-corrected-versions');
    await give(page, 'Ontwerpdocumenten registreren');
    await stateShown(page, 'In beoordeling');

    // Two sessions on one dossier: a colleague starts the deliberation first.
    const colleague = await signIn(browser, tenant.baseUrl, /Jeroen Maes/);
    await openDossier(colleague.page, reference);
    await give(colleague.page, 'Beraad starten', async (d) => {
      await d.getByLabel(/Reden om blokkerende bevindingen te negeren/).fill('Resterende bevindingen besproken met de aanvrager.');
      // Requester findings still open each need their own reason (issue 14).
      const reasons = d.getByTestId('deliberation-findings').getByRole('textbox');
      for (let index = 0; index < await reasons.count(); index++) await reasons.nth(index).fill('Besproken met de aanvrager.');
    });
    await stateShown(colleague.page, 'In beraad DPO-team');
    await colleague.context.close();

    await actions(page).getByRole('button', { name: 'Terugsturen met opmerkingen' }).click();
    const stale = page.getByRole('alertdialog');
    await stale.getByLabel(/Opmerkingen voor de aanvrager|Extra opmerkingen/).fill('Nog een opmerking.');
    await stale.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText(/Iemand anders heeft dit dossier intussen gewijzigd/).first().waitFor();
    await shot(page, '10-conflict');
    await stale.getByRole('button', { name: 'Annuleren' }).click();
    await stateShown(page, 'In beraad DPO-team');

    await page.getByRole('tab', { name: /Tijdlijn/ }).click();
    await page.getByText('Beraad gestart').waitFor();
    await shot(page, '11-timeline');
    violations.timeline = await seriousAxeViolations(page);

    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Dossiers per status' }).waitFor();
    await shot(page, '12-dashboard');
    violations.dashboard = await seriousAxeViolations(page);
    await team.context.close();

    expect(violations).toEqual({ register: [], newDossier: [], panel: [], documents: [], timeline: [], dashboard: [] });
  });
});
