/** @jest-environment ./test/webparts/register/support/jsdomWithNodeFetch.js */
/**
 * The register's mail features with the real services and adapters (PnPjs, Graph client, intake,
 * correspondence, publication, extension) against the in-process local tenant: the Postvak tab imports a
 * mail as a new dossier and attaches a reply to its dossier; the panel sends a previewed mail (it lands
 * in the tenant's outbox and in the timeline); the dashboard starts an extension with one click.
 */
import * as React from 'react';
import './support/jsdomPolyfills';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createLocalComposition } from '../../../src/composition/local';
import { intakeGraphRoutes, intakePages } from '../../../src/local/mailbox';
import { startLocalTenant, type LocalTenant } from '../../../src/local/server/server';
import { RegisterApp } from '../../../src/webparts/dossierRegister/app/RegisterApp';
import { createRegisterService } from '../../../src/app/registerService';
import { memoryDossierLocation } from '../../../src/webparts/dossierRegister/app/dossierLocation';
import { composeRegisterMail } from '../../../src/composition/registerMail';
import { nl } from '../../ui/support/strings';
import { countersigned, driveDossier, recordBothVersionsMail, registerStandardInstitution, storeForm } from '../../intake/support/flow';
import { tinyPdf } from '../../intake/support/files';
import type { IntakeTenant } from '../../intake/support/front';
import { pdfConversionAvailable } from '../../intake/support/libreoffice';

const itWithPdf = pdfConversionAvailable('RegisterMail.integration') ? it : it.skip;

const OWNER = 'beheer@vsa.local';
const AN = 'an.peeters@vsa.local';
const ELS = 'els.vermeulen@vsa.local';
const MAILBOX = 'data-aanvragen@vsa.local';
const now = '2026-11-25T10:00:00.000Z';
const clock = (): string => now;

let tenant: LocalTenant;
const as = (email: string) => createLocalComposition({ baseUrl: tenant.baseUrl, userEmail: email, messaging: false });

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

async function deliverMail(subject: string, attachments: readonly { name: string; contentType: string; text: string }[] = []): Promise<string> {
  const created = (await hook('POST', 'mail-messages', {
    mailbox: MAILBOX,
    message: {
      subject,
      from: { emailAddress: { name: 'Eva Maes', address: 'eva.maes@uni.example' } },
      receivedDateTime: '2026-11-24T08:30:00Z',
      bodyPreview: 'Beste, graag vraag ik microdata aan.',
      categories: []
    },
    attachments: attachments.map((a) => ({ name: a.name, contentType: a.contentType, contentBase64: Buffer.from(a.text).toString('base64') }))
  })) as { id: string };
  return created.id;
}

function renderRegister(): void {
  const composition = as(AN);
  const mail = composeRegisterMail(composition.data, composition.graph, { mailboxAddress: MAILBOX, siteUrl: composition.siteUrl, clock });
  render(<RegisterApp service={createRegisterService(composition.data, { clock })} strings={nl} lang="nl" location={memoryDossierLocation()} saveFile={jest.fn()} mail={() => Promise.resolve(mail)} />);
}

beforeAll(async () => {
  tenant = await startLocalTenant({ port: 0, dataFile: ':memory:', pages: intakePages(), graphRoutes: intakeGraphRoutes });
  await as(OWNER).data.provisioner.ensureAll();
  // Before the service first reads the register (it caches the list): the signers of the flows' signed forms are matched against it.
  await registerStandardInstitution(as(AN));
}, 60_000);

afterAll(async () => {
  await tenant?.close();
});

// The app keeps reloading after the last assertion (entry refresh, detail reload); unmount only once every
// request has settled, so nothing updates a test that has ended or reaches a tenant that was closed.
let requestsInFlight = 0;
const nodeFetch = globalThis.fetch;
globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
  requestsInFlight++;
  return nodeFetch(...args).finally(() => requestsInFlight--);
}) as typeof fetch;

async function quiet(): Promise<void> {
  for (let idleChecks = 0; idleChecks < 3; ) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    idleChecks = requestsInFlight === 0 ? idleChecks + 1 : 0;
  }
}

afterEach(async () => {
  await quiet();
  cleanup();
});

describe('register mail features against the local tenant', () => {
  it('imports a mail from the Postvak tab as a new dossier, storing what it can and reporting what it skipped', async () => {
    await deliverMail('Aanvraag microdata welzijn', [
      { name: 'volmacht.pdf', contentType: 'application/pdf', text: '%PDF-1.4 volmacht' },
      { name: 'notities.txt', contentType: 'text/plain', text: 'los bestand' }
    ]);
    renderRegister();
    fireEvent.click(await screen.findByRole('tab', { name: 'Postvak' }));
    const row = (await screen.findByRole('rowheader', { name: 'Aanvraag microdata welzijn' }, { timeout: 10_000 })).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Nieuw dossier aanmaken' }));
    const dialog = await screen.findByRole('alertdialog');
    expect((within(dialog).getByLabelText(/Onderwerp van de aanvraag/) as HTMLTextAreaElement).value).toBe('Aanvraag microdata welzijn');
    // An individual is never eligible: the domain's rule shows before saving.
    fireEvent.click(within(dialog).getByRole('checkbox'));
    expect(await within(dialog).findByText(/^Een individu dat niet verbonden is aan een overheidsdienst/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.change(within(dialog).getByLabelText('Instelling van de aanvrager'), { target: { value: 'Universiteit Voorbeeld' } });
    expect(await within(dialog).findByText('De aanvrager komt in aanmerking voor individuele gegevens.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registreren' }));

    expect(await screen.findByText('Dossier VSA-2026-0001 is aangemaakt uit de e-mail.', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('volmacht.pdf: opgeslagen in het dossier')).toBeTruthy();
    expect(screen.getByText('notities.txt: niet opgeslagen, blijft in het postvak (bestandstype wordt niet aanvaard)')).toBeTruthy();
    expect(await screen.findByText('Er zijn geen nieuwe e-mails.')).toBeTruthy();

    const { data } = as(AN);
    const dossier = (await data.commands.load('VSA-2026-0001')).dossier!;
    expect(dossier.state).toBe('intake');
    expect(dossier.requester).toMatchObject({ institution: 'Universiteit Voorbeeld', contact: { email: 'eva.maes@uni.example' } });
    expect(dossier.correspondence).toHaveLength(1);
    expect((await data.documents.list('VSA-2026-0001')).map((d) => d.fileName)).toEqual(['volmacht.pdf']);
  }, 60_000);

  it('attaches a reply to the dossier its subject names with one click', async () => {
    await deliverMail('RE: [VSA-2026-0001] Aanvraag microdata welzijn');
    renderRegister();
    fireEvent.click(await screen.findByRole('tab', { name: 'Postvak' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Koppelen aan VSA-2026-0001' }, { timeout: 10_000 }));
    expect(await screen.findByText('De e-mail is gekoppeld aan dossier VSA-2026-0001.', undefined, { timeout: 10_000 })).toBeTruthy();
    const dossier = (await as(AN).data.commands.load('VSA-2026-0001')).dossier!;
    expect(dossier.correspondence).toHaveLength(2);
    expect(dossier.state).toBe('intake');
  }, 60_000);

  it('sends a previewed, edited mail from the panel: it reaches the outbox and the timeline', async () => {
    const fake = { as } as unknown as IntakeTenant;
    await driveDossier(fake, 'VSA-2026-0002', 'preliminary');
    const sofie = as('sofie.janssens@vsa.local').data;
    const outcome = await sofie.commands.execute('VSA-2026-0002', { type: 'requestForms', commandId: 'mail-test-forms', procedure: 'standard' }, await sofie.directory.currentActor());
    expect(outcome.ok).toBe(true);
    await hook('DELETE', 'outbox');
    renderRegister();
    fireEvent.click(await screen.findByRole('link', { name: 'Dossier VSA-2026-0002 openen' }, { timeout: 10_000 }));
    fireEvent.click(await screen.findByRole('button', { name: 'E-mail opstellen: Formulieren opvragen' }, { timeout: 10_000 }));
    const preview = await screen.findByRole('region', { name: 'E-mail nakijken en versturen' });
    expect(within(preview).getByText(/aanvraagformulier\.docx/)).toBeTruthy();
    const body = within(preview).getByLabelText('Tekst') as HTMLTextAreaElement;
    fireEvent.change(body, { target: { value: `${body.value}\nPS: bel gerust.` } });
    await act(async () => {
      fireEvent.click(within(preview).getByRole('button', { name: 'Versturen vanuit de gedeelde mailbox' }));
    });
    expect(await screen.findByText('De e-mail is verstuurd en in de tijdlijn vastgelegd.', undefined, { timeout: 15_000 })).toBeTruthy();

    const outbox = (await hook('GET', 'outbox')) as { value: { kind: string; sender: string; recipients: string[]; subject: string; payload: unknown }[] };
    const sent = outbox.value.filter((item) => item.kind === 'mail');
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toMatch(/^\[VSA-2026-0002\]/);
    expect(sent[0].recipients).toEqual(['karel@uni.example']);
    expect(JSON.stringify(sent[0].payload)).toContain('PS: bel gerust.');
    const dossier = (await as(AN).data.commands.load('VSA-2026-0002')).dossier!;
    expect(dossier.correspondence.filter((c) => c.direction === 'outgoing').map((c) => c.kind)).toEqual(['requestForms']);
    fireEvent.click(screen.getByRole('tab', { name: /Tijdlijn/ }));
    expect(await screen.findByText(/^Uitgaande e-mail: \[VSA-2026-0002\]/)).toBeTruthy();
  }, 60_000);

  it('lists a protocol ending within 60 days on the dashboard and starts its extension with one click', async () => {
    const fake = { as } as unknown as IntakeTenant;
    await driveDossier(fake, 'VSA-2026-0003', 'awaitingCountersignature');
    const els = as(ELS).data;
    // The service registers only stored files, and numbers the protocol from its counter.
    const protocolDoc = await storeForm(as(AN), 'VSA-2026-0003', 'protocol', 'protocol-ondertekend.docx', 'countersigned', countersigned);
    expect((await els.commands.execute('VSA-2026-0003', { type: 'countersign', commandId: 'ext-cs', number: 'PROT-2026-003', protocolEndDate: '2026-12-31', documents: [protocolDoc] }, await els.directory.currentActor())).ok).toBe(true);
    const an = as(AN).data;
    const number = (await an.commands.load('VSA-2026-0003')).dossier!.protocolNumber!;
    expect(number).toMatch(/^PROT-2026-\d{3}$/);
    const pdf = await an.documents.upload('VSA-2026-0003', 'protocol-publicatie.pdf', tinyPdf(), { kind: 'publicationVersion', phase: 'publication' });
    const publication = { id: pdf.id, kind: 'publicationVersion' as const, fileName: pdf.fileName, version: pdf.version };
    await recordBothVersionsMail(as(AN), 'VSA-2026-0003', pdf.fileName);
    expect((await an.commands.execute('VSA-2026-0003', { type: 'publish', commandId: 'ext-pub', publicationDocument: publication }, await an.directory.currentActor())).ok).toBe(true);
    const escaped = number.replace(/-/g, '\\-');

    renderRegister();
    fireEvent.click(await screen.findByRole('tab', { name: 'Dashboard' }));
    const section = await screen.findByRole('region', { name: 'Protocollen die binnen 60 dagen aflopen' }, { timeout: 10_000 });
    await within(section).findByText(new RegExp(`${escaped} · Universiteit Voorbeeld · Welzijn in Vlaanderen · loopt af op 31/12/2026 \\(36 d\\)`), undefined, { timeout: 10_000 });
    fireEvent.click(await within(section).findByRole('button', { name: `Verlenging starten voor ${number}` }, { timeout: 10_000 }));
    expect(await within(section).findByText(new RegExp(`Verlengingsdossier VSA-2026-\\d{4} is aangemaakt voor ${escaped}\\.`), undefined, { timeout: 10_000 })).toBeTruthy();
    // The new dossier is in the protocol's chain from its first event: the reminder now says it is under way.
    expect(await within(section).findByText(/Verlenging loopt al:/, undefined, { timeout: 10_000 })).toBeTruthy();
    expect(within(section).queryByRole('button', { name: `Verlenging starten voor ${number}` })).toBeNull();
    const references = await an.dossiers.referencesStartingWith('VSA-2026-');
    const created = (await Promise.all(references.map((r) => an.commands.load(r)))).map((l) => l.dossier!).filter((d) => d.parentProtocolNumber === number);
    expect(created).toHaveLength(1);
  }, 60_000);

  itWithPdf('makes the publication version of a signed dossier, sends both versions attached, and only then publishes', async () => {
    const fake = { as } as unknown as IntakeTenant;
    await driveDossier(fake, 'VSA-2026-0010', 'signed', 'protocol-ondertekend.docx', 'PROT-2026-010');
    // driveDossier registered the countersigned protocol-ondertekend.docx through the service (countersign).
    const an = as(AN).data;
    await hook('DELETE', 'outbox');
    renderRegister();
    fireEvent.click(await screen.findByRole('link', { name: 'Dossier VSA-2026-0010 openen' }, { timeout: 10_000 }));
    fireEvent.click(await screen.findByRole('button', { name: 'Publicatieversie maken' }, { timeout: 10_000 }));
    expect(await screen.findByText('Publicatieversie protocol-ondertekend-publicatie.pdf is opgeslagen. Verstuur nu beide versies naar de aanvrager; daarna kunt u publiceren.', undefined, { timeout: 60_000 })).toBeTruthy();
    // The mail with both versions comes next, both attached.
    const preview = await screen.findByRole('region', { name: 'E-mail nakijken en versturen' }, { timeout: 10_000 });
    expect(within(preview).getByText(/protocol-ondertekend\.docx/)).toBeTruthy();
    expect(within(preview).getByText(/protocol-ondertekend-publicatie\.pdf/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(preview).getByRole('button', { name: 'Versturen vanuit de gedeelde mailbox' }));
    });
    expect(await screen.findByText('De e-mail is verstuurd en in de tijdlijn vastgelegd.', undefined, { timeout: 15_000 })).toBeTruthy();
    const outbox = (await hook('GET', 'outbox')) as { value: { kind: string; payload: unknown }[] };
    const sent = JSON.stringify(outbox.value.filter((item) => item.kind === 'mail').map((item) => item.payload));
    expect(sent).toContain('protocol-ondertekend.docx');
    expect(sent).toContain('protocol-ondertekend-publicatie.pdf');

    // The panel reloads the dossier after the mail (its version moved); publish from the reloaded dossier.
    await quiet();
    fireEvent.click(await screen.findByRole('button', { name: 'Publiceren' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('alertdialog', undefined, { timeout: 10_000 });
    // No tick box any more: the recorded mail is what the domain checks.
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    fireEvent.click(within(dialog).getByRole('radio', { name: /protocol-ondertekend-publicatie\.pdf/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    await waitFor(async () => expect((await an.commands.load('VSA-2026-0010')).dossier?.state).toBe('published'), { timeout: 10_000 });
    const stored = (await an.documents.list('VSA-2026-0010')).find((d) => d.fileName === 'protocol-ondertekend-publicatie.pdf');
    expect(stored).toMatchObject({ kind: 'publicationVersion', phase: 'publication' });
  }, 120_000);
});
