/**
 * End-to-end: `/workbench/word` in Chromium. The pane reads the sample form through the docx form
 * source, lists the findings, highlights a field, inserts comments into the .docx (no duplicates on a
 * second run), and the annotated file downloads. Skipped with a notice when Chromium is missing and
 * CI is unset.
 */
import type { Server } from 'node:http';
import { launchBrowserOrSkip, seriousAxeViolations } from '../support/browser';
import type { Browser, Page } from 'playwright-core';
import { readForm } from '../../src/forms';
import { startWordWorkbench } from '../../src/local/workbench/word/standalone';

const e2e = launchBrowserOrSkip('Word workbench e2e tests');

e2e.describe('Word workbench (e2e)', () => {
  let browser: Browser;
  let server: Server;
  let url: string;
  let page: Page;

  beforeAll(async () => {
    ({ server, url } = await startWordWorkbench(0));
    browser = await e2e.launch();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  beforeEach(async () => {
    page = await browser.newPage({ acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.getByRole('heading', { name: /^Bevindingen \(\d+\)$/ }).waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  }, 60_000);

  afterEach(async () => {
    await page?.close();
  });

  it('lists the findings by severity next to the rendered form and shows a field on click', async () => {
    await expect(page.getByRole('article', { name: 'Formulier' }).getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/Aanvraag/);
    const blocking = page.getByRole('region', { name: /^Blokkerend \(\d+\)$/ });
    const finding = blocking.getByRole('button', { name: /is geen geldig e-mailadres/ });
    await finding.click();
    const cell = page.locator('[data-anchor="cc:contact.email:0"]');
    await expect(cell.evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe('rgb(255, 244, 206)');
  }, 30_000);

  it('has no serious accessibility violations in the task pane (axe-core, WCAG 2 A/AA)', async () => {
    const violations = await seriousAxeViolations(page, 'aside');
    expect(violations).toEqual([]);
  }, 30_000);

  it('inserts comments once, shows them in the document and downloads the annotated .docx', async () => {
    const editors = page.getByLabel('Tekst van de opmerking');
    const count = await editors.count();
    expect(count).toBeGreaterThan(0);
    await editors.first().fill('Graag aanvullen.');
    await page.getByRole('button', { name: 'Opmerkingen invoegen' }).click();
    await page.getByText(`${count} opmerkingen ingevoegd.`).waitFor();
    await expect(page.getByRole('note').count()).resolves.toBe(count);
    await expect(page.getByRole('note').filter({ hasText: 'Graag aanvullen.' }).count()).resolves.toBe(1);
    await expect(page.getByRole('note').filter({ hasText: '[VSA' }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Opmerkingen invoegen' }).click();
    await page.getByText(`0 opmerkingen ingevoegd, ${count} al aanwezig.`).waitFor();
    await expect(page.getByRole('note').count()).resolves.toBe(count);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Geannoteerd document downloaden' }).click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const form = await readForm(new Uint8Array(readFileSync(path!)), download.suggestedFilename());
    expect(download.suggestedFilename()).toBe('aanvraagformulier-voorbeeld-beoordeeld.docx');
    expect(form.comments).toHaveLength(count);
    expect(form.comments.find((c) => c.text.startsWith('Graag aanvullen.'))?.fieldId).toBeDefined();
  }, 60_000);

  it('adds a free comment on the selected field and removes the add-in comments', async () => {
    await page.locator('[data-anchor="cc:project.titel:0"]').click();
    await page.getByLabel('Eigen opmerking bij de selectie').fill('Titel inkorten?');
    await page.getByRole('button', { name: 'Opmerking toevoegen' }).click();
    await page.getByText('Opmerking toegevoegd.').waitFor();
    await expect(page.locator('[data-anchor="cc:project.titel:0"]').getByRole('note').textContent()).resolves.toContain('Titel inkorten?');
    await page.getByRole('button', { name: 'Opmerkingen van de add-in verwijderen' }).click();
    await page.getByText('1 opmerking verwijderd.').waitFor();
    await expect(page.getByRole('note').count()).resolves.toBe(0);
  }, 60_000);
});
