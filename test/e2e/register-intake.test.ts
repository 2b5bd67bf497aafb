/**
 * End to end: the register's mail features on the local workbench page `/workbench/register` in
 * Chromium against an in-process local tenant (with the intake's Graph routes). A DPO-team member
 * imports a mail from the Postvak tab as a new dossier (its form stored and checked), sends a previewed,
 * edited mail from a dossier's panel (it lands on the tenant's outbox and in the timeline), and sees a
 * protocol ending within 60 days on the dashboard with its one-click extension. axe-core finds no
 * serious violation on any of these screens. Screenshots: docs/screenshots/register-13-*.png onwards
 * (with `npm run docs:screenshots`; otherwise test-output/screenshots/).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createLocalComposition } from '../../src/composition/local';
import type { Command } from '../../src/domain';
import { startLocalTenant, type LocalTenant } from '../../src/local/server/server';
import { buildForm, type FormFacts } from '../../src/local/seed/documents';
import { SeededRandom } from '../../src/local/seed/random';
import { productExtensions } from '../../src/local/product';
import { launchBrowserOrSkip, seriousAxeViolations } from '../support/browser';
import { screenshotDirectory } from '../support/screenshots';
import { adequateCriteria } from '../support/adviceCriteria';
import { countersignedReport } from '../support/countersignatureReports';

const e2e = launchBrowserOrSkip('register intake e2e');
const screenshotDir = screenshotDirectory();
const OWNER = 'beheer@vsa.local';
const AN = 'an.peeters@vsa.local';
const SOFIE = 'sofie.janssens@vsa.local';
const ELS = 'els.vermeulen@vsa.local';
const KAREL = 'karel.desmet@vsa.local';
const MAILBOX = 'data-aanvragen@vsa.local';

jest.setTimeout(180_000);

async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

async function shot(page: Page, name: string): Promise<void> {
  await settle(page);
  await page.screenshot({ path: join(screenshotDir, `register-${name}.png`) });
}

e2e.describe('register mail features in the browser', () => {
  let tenant: LocalTenant;
  let browser: Browser;
  let workDir: string;
  const violations: Record<string, string[]> = {};
  const as = (email: string) => createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: email, messaging: false }).data;

  async function hook(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${tenant.baseUrl}/_local/${path}`, {
      method,
      headers: { 'X-Local-Tenant': '1', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    if (!response.ok) throw new Error(`/_local/${path} answered ${response.status}`);
    const text = await response.text();
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /**
   * The backdrop (a dossier awaiting the forms mail, a published protocol ending soon) is imported by
   * the trusted writer, as the seed does: each command with its persona as actor, on the service's
   * own app identity. What the test exercises — import, mail, extension — runs in the browser through
   * the command service.
   */
  async function run(email: string, reference: string, command: Command): Promise<void> {
    const actor = await as(email).directory.currentActor();
    const trustedWriter = createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false }).data;
    const outcome = await trustedWriter.commands.execute(reference, command, actor);
    if (!outcome.ok) throw new Error(`${command.type} refused: ${outcome.errors.map((e) => e.code).join(', ')}`);
  }

  const registration = (reference: string, title: string): Command => ({
    type: 'registerRequest', commandId: `${reference}-1`, reference,
    requester: { institution: 'Universiteit Gent', institutionType: 'onderzoeksinstelling', isIndividual: false, contact: { name: 'Lotte Wouters', email: 'lotte.wouters@ugent.example' } },
    subject: title, receivedOn: '2026-10-01', project: { title, purposes: ['Wetenschappelijk onderzoek'], endDate: '2026-12-31' }
  });
  const sofie = { id: SOFIE, displayName: 'Sofie Janssens', roles: ['statistician' as const] };
  const doc = (kind: 'aanvraagformulier' | 'verklaringTOM' | 'protocol', fileName: string, signed = false) => ({
    id: fileName, kind, fileName, version: '1.0', checkSummary: { blocking: 0, warnings: 0, info: 0 },
    ...(signed ? { signatory: { name: 'Rita Rector', capacity: 'wettelijk vertegenwoordiger' as const } } : {})
  });

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'register-intake-e2e-'));
    tenant = await startLocalTenant({ ...productExtensions(), port: 0, dataFile: join(workDir, 'tenant.db') });
    await createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: OWNER }).data.provisioner.ensureAll();

    // A dossier whose forms were requested (the mail to send) and a published protocol ending soon.
    await run(AN, 'VSA-2026-0040', registration('VSA-2026-0040', 'Mobiliteit van studenten'));
    await run(AN, 'VSA-2026-0040', { type: 'assignStatistician', commandId: '40-2', assignee: sofie });
    await run(SOFIE, 'VSA-2026-0040', { type: 'requestForms', commandId: '40-3', procedure: 'standard' });
    const protocol = 'VSA-2026-0041';
    await run(AN, protocol, registration(protocol, 'Armoede bij gepensioneerden'));
    await run(AN, protocol, { type: 'assignStatistician', commandId: '41-2', assignee: sofie });
    await run(SOFIE, protocol, { type: 'requestForms', commandId: '41-3', procedure: 'standard' });
    await run(AN, protocol, { type: 'registerDraftDocuments', commandId: '41-4', documents: [doc('aanvraagformulier', 'a.docx'), doc('verklaringTOM', 't.docx'), doc('protocol', 'p.docx')] });
    await run(AN, protocol, { type: 'startDeliberation', commandId: '41-5' });
    await run(KAREL, protocol, { type: 'giveAdvice', commandId: '41-6', outcome: 'favourable', legalBasis: 'Art. 6.1.e AVG', text: 'Gunstig.', criteria: adequateCriteria() });
    await run(ELS, protocol, { type: 'decide', commandId: '41-7', outcome: 'approved', motivation: 'In orde.' });
    await run(AN, protocol, { type: 'registerSignedDocuments', commandId: '41-8', documents: [doc('aanvraagformulier', 'a.pdf', true), doc('verklaringTOM', 't.pdf', true), doc('protocol', 'p.pdf', true)] });
    await run(ELS, protocol, { type: 'countersign', commandId: '41-9', number: 'PROT-2026-041', protocolEndDate: new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10), documents: [{ ...doc('protocol', 'p-ondertekend.docx', true), signatures: countersignedReport('p-ondertekend.docx', 'Rita Rector', 'Els Vermeulen') }] });
    await run(AN, protocol, {
      type: 'recordCorrespondence', commandId: '41-10a', direction: 'outgoing', kind: 'countersignedProtocol', messageId: 'outgoing:41-10a', subject: `[${protocol}] Ondertekend protocol`,
      sentAt: new Date().toISOString(), attachmentNames: ['p-ondertekend.docx', 'p-publicatie.pdf'], recipientsCount: 1
    });
    await run(AN, protocol, { type: 'publish', commandId: '41-10', publicationDocument: { id: 'pub', kind: 'publicationVersion', fileName: 'p-publicatie.pdf', version: '1.0' } });

    // The request mail, with the application form filled in (a realistic, fictional requester).
    const facts: FormFacts = {
      reference: 'VSA-E2E', institution: 'Universiteit Antwerpen', institutionType: 'onderzoeksinstelling', address: 'Prinsstraat 13, 2000 Antwerpen',
      kbo: '0000000097', contactName: 'Hanne Goossens', contactFunction: 'Onderzoeker', contactEmail: 'hanne.goossens@uantwerpen.example',
      title: 'Vrijetijdsbesteding van jongeren', researchType: 'wetenschappelijk', startDate: '2027-01-01', endDate: '2028-12-31'
    };
    const form = await buildForm('aanvraagformulier', facts, new SeededRandom(7), { today: new Date().toISOString().slice(0, 10) });
    await hook('POST', 'mail-messages', {
      mailbox: MAILBOX,
      message: {
        subject: 'Aanvraag microdata: vrijetijdsbesteding van jongeren',
        from: { emailAddress: { name: 'Hanne Goossens', address: facts.contactEmail } },
        receivedDateTime: new Date(Date.now() - 3_600_000).toISOString(),
        bodyPreview: 'Beste, in bijlage ons aanvraagformulier voor microdata van de SV-bevraging.',
        categories: []
      },
      attachments: [{ name: 'aanvraagformulier.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', contentBase64: Buffer.from(form.bytes).toString('base64') }]
    });
    await hook('DELETE', 'outbox');
    browser = await e2e.launch();
  });

  afterAll(async () => {
    await browser?.close();
    await tenant?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('imports a mail as a new dossier, sends a previewed mail and starts an extension', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto(`${tenant.baseUrl}/`);
    await page.getByRole('button', { name: /An Peeters/ }).click();
    await page.goto(`${tenant.baseUrl}/workbench/register`);
    await page.getByText(/van \d+ dossiers/).waitFor();

    // Postvak: the new mail, imported as a new dossier.
    await page.getByRole('tab', { name: 'Postvak' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Aanvraag microdata: vrijetijdsbesteding van jongeren' });
    await row.waitFor();
    await shot(page, '13-mailbox');
    violations.mailbox = await seriousAxeViolations(page);
    await row.getByRole('button', { name: 'Nieuw dossier aanmaken' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByLabel('Instelling van de aanvrager').fill('Universiteit Antwerpen');
    await dialog.getByText('De aanvrager komt in aanmerking voor individuele gegevens.').waitFor();
    await shot(page, '14-intake-create');
    violations.intakeCreate = await seriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Registreren' }).click();
    const created = page.getByText(/^Dossier VSA-2026-\d{4} is aangemaakt uit de e-mail\.$/);
    await created.waitFor();
    await page.getByText(/^aanvraagformulier\.docx: opgeslagen in het dossier en gecontroleerd: \d+ blokkerend, \d+ waarschuwingen$/).waitFor();
    await page.getByText('Er zijn geen nieuwe e-mails.').waitFor();
    await shot(page, '15-intake-imported');
    violations.intakeImported = await seriousAxeViolations(page);
    const reference = /VSA-2026-\d{4}/.exec((await created.textContent()) ?? '')![0];
    const imported = (await as(AN).commands.load(reference)).dossier!;
    expect(imported.requester.institution).toBe('Universiteit Antwerpen');
    expect(imported.correspondence.map((c) => c.direction)).toEqual(['incoming']);
    expect((await as(AN).documents.list(reference)).map((d) => [d.fileName, d.kind])).toEqual([['aanvraagformulier.docx', 'aanvraagformulier']]);

    // Panel: preview, edit and send the forms request of VSA-2026-0040.
    await page.getByRole('tab', { name: 'Register' }).click();
    await page.getByRole('link', { name: 'Dossier VSA-2026-0040 openen' }).first().click();
    await page.getByRole('button', { name: 'E-mail opstellen: Formulieren opvragen' }).click();
    const preview = page.getByRole('region', { name: 'E-mail nakijken en versturen' });
    await preview.getByLabel('Tekst').waitFor();
    const body = preview.getByLabel('Tekst');
    await body.fill(`${await body.inputValue()}\n\nU mag ons altijd bellen.`);
    await shot(page, '16-mail-preview');
    violations.mailPreview = await seriousAxeViolations(page);
    await preview.getByRole('button', { name: 'Versturen vanuit de gedeelde mailbox' }).click();
    await page.getByText('De e-mail is verstuurd en in de tijdlijn vastgelegd.').waitFor();
    await page.getByRole('tab', { name: /Tijdlijn/ }).click();
    await page.getByText(/^Uitgaande e-mail: \[VSA-2026-0040\]/).waitFor();
    await shot(page, '17-mail-timeline');
    violations.mailTimeline = await seriousAxeViolations(page);
    const outbox = (await hook('GET', 'outbox')) as { value: { kind: string; recipients: string[]; subject: string; payload: unknown }[] };
    const mails = outbox.value.filter((item) => item.kind === 'mail');
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipients: ['lotte.wouters@ugent.example'] });
    expect(mails[0].subject).toMatch(/^\[VSA-2026-0040\]/);
    expect(JSON.stringify(mails[0].payload)).toContain('U mag ons altijd bellen.');
    await page.getByRole('button', { name: 'Sluiten' }).first().click();

    // Dashboard: the protocol ending within 60 days, extended with one click.
    await page.getByRole('tab', { name: 'Dashboard' }).click();
    const reminders = page.getByRole('region', { name: 'Protocollen die binnen 60 dagen aflopen' });
    const start = reminders.getByRole('button', { name: 'Verlenging starten voor PROT-2026-041' });
    await start.waitFor();
    await shot(page, '18-extension-reminders');
    violations.reminders = await seriousAxeViolations(page);
    await start.click();
    await reminders.getByText(/^Verlengingsdossier VSA-2026-\d{4} is aangemaakt voor PROT-2026-041\.$/).waitFor();
    await reminders.getByText(/Verlenging loopt al:/).waitFor();
    await context.close();

    expect(violations).toEqual({ mailbox: [], intakeCreate: [], intakeImported: [], mailPreview: [], mailTimeline: [], reminders: [] });
  });
});
