/** @jest-environment jsdom */
import * as React from 'react';
import './support/jsdomPolyfills';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RegisterApp } from '../../../src/webparts/dossierRegister/app/RegisterApp';
import { assignStep, buildEvents, dpoMember, registerStep, requestFormsStep, statistician, draftsStep } from '../../ui/support/dossiers';
import { nl } from '../../ui/support/strings';
import { FakeTenant } from './support/fakeBackend';

const now = '2026-11-25T10:00:00.000Z';
const clock = (): string => now;

function seedTenant(actor = dpoMember): FakeTenant {
  const tenant = new FakeTenant(actor, { statistician: [statistician] });
  tenant.seed(buildEvents([registerStep('VSA-2026-0001', '2026-11-01T09:00:00.000Z')]));
  tenant.seed(buildEvents([registerStep('VSA-2026-0002', '2026-11-02T09:00:00.000Z'), assignStep('2026-11-03T09:00:00.000Z')]));
  tenant.seed(buildEvents([
    registerStep('VSA-2026-0003', '2026-09-01T09:00:00.000Z'), assignStep('2026-09-02T09:00:00.000Z'),
    requestFormsStep('2026-09-05T09:00:00.000Z'), draftsStep('2026-10-01T09:00:00.000Z')
  ]));
  return tenant;
}

async function renderApp(tenant: FakeTenant, pageSize = 2) {
  render(<RegisterApp data={tenant.backend(clock)} strings={nl} lang="nl" clock={clock} pageSize={pageSize} saveFile={jest.fn()} />);
  await screen.findByText('3 van 3 dossiers');
}

describe('RegisterApp', () => {
  it('reads the whole register page by page and shows who is signed in', async () => {
    const tenant = seedTenant();
    await renderApp(tenant);
    expect(tenant.registerPageRequests).toBe(2);
    expect(screen.getByText('Aangemeld als An Peeters')).toBeTruthy();
    // The dossier under review since 1 October is past the 30-day review deadline.
    expect(screen.getByText(/25 d te laat/)).toBeTruthy();
  });

  it('registers a new dossier with the next reference and opens it', async () => {
    const tenant = seedTenant();
    await renderApp(tenant);
    fireEvent.click(screen.getByRole('button', { name: 'Nieuw dossier' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.change(within(dialog).getByLabelText('Instelling van de aanvrager'), { target: { value: 'KU Leuven' } });
    expect(await within(dialog).findByText('De aanvrager komt in aanmerking voor individuele gegevens.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText(/Naam contactpersoon/), { target: { value: 'Eva Maes' } });
    fireEvent.change(within(dialog).getByLabelText(/E-mailadres contactpersoon/), { target: { value: 'eva@kuleuven.example' } });
    fireEvent.change(within(dialog).getByLabelText(/Onderwerp van de aanvraag/), { target: { value: 'Armoede-indicatoren' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registreren' }));
    await screen.findByText('Dossier VSA-2026-0004');
    expect(tenant.projections.get('VSA-2026-0004')?.write.dossier.state).toBe('intake');
    expect(await screen.findByText('4 van 4 dossiers')).toBeTruthy();
  });

  it('offers the DPO team exactly the commands of the workflow table, and a statistician none on a new dossier', async () => {
    const tenant = seedTenant();
    await renderApp(tenant);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    const actions = await screen.findByRole('region', { name: 'Acties' });
    const labels = within(actions).getAllByRole('button').map((b) => b.textContent);
    expect(labels).toEqual(['Statisticus toewijzen', 'Niet ontvankelijk verklaren', 'Intrekken']);
  });

  it('shows a statistician no actions on a dossier not assigned to them', async () => {
    const tenant = seedTenant(statistician);
    tenant.actor = { ...statistician, id: 'other@vsa.example' };
    await renderApp(tenant);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0002 openen' }));
    expect(await screen.findByText('U kunt in deze status geen acties uitvoeren.')).toBeTruthy();
  });

  it('assigns a statistician through the command dialog', async () => {
    const tenant = seedTenant();
    await renderApp(tenant);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Statisticus toewijzen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(await within(dialog).findByRole('radio', { name: 'Bart Claes' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    await waitFor(() => expect(tenant.projections.get('VSA-2026-0001')?.write.dossier.state).toBe('preliminary'));
    expect(tenant.projections.get('VSA-2026-0001')?.write.dossier.assignedStatistician?.displayName).toBe('Bart Claes');
  });

  it('shows every refusal of the domain in the dialog', async () => {
    const tenant = seedTenant();
    await renderApp(tenant);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0003 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Terugsturen met opmerkingen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    expect(await within(dialog).findByText('De opdracht werd geweigerd:')).toBeTruthy();
    expect(within(dialog).getByText('Geef minstens één opmerking voor de aanvrager.')).toBeTruthy();
    expect(tenant.projections.get('VSA-2026-0003')?.write.dossier.state).toBe('underReview');
  });

  it('explains a conflict when someone else keeps changing the dossier, and reloads it', async () => {
    const tenant = seedTenant();
    await renderApp(tenant);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0003 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Terugsturen met opmerkingen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.change(within(dialog).getByLabelText(/Opmerkingen voor de aanvrager/), { target: { value: 'Vul de rechtsgrond aan.' } });
    tenant.alwaysConflict = true;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    const messages = await screen.findAllByText(/Iemand anders heeft dit dossier intussen gewijzigd/);
    expect(messages.length).toBeGreaterThanOrEqual(1);
  });

  it('adds a comment from the timeline', async () => {
    const tenant = seedTenant();
    await renderApp(tenant);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0002 openen' }));
    fireEvent.click(await screen.findByRole('tab', { name: /Tijdlijn/ }));
    fireEvent.change(screen.getByLabelText('Nieuwe opmerking'), { target: { value: 'Aanvrager telefonisch gecontacteerd.' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Opmerking toevoegen' }));
    });
    await waitFor(() => expect(tenant.log.get('VSA-2026-0002')?.some((e) => e.event.type === 'CommentAdded')).toBe(true));
    expect(await screen.findByText('Aanvrager telefonisch gecontacteerd.')).toBeTruthy();
  });

  it('shows a load error instead of crashing', async () => {
    const tenant = seedTenant();
    const backend = tenant.backend(clock);
    (backend.readModel as unknown as { loadRegisterScreen: () => Promise<never> }).loadRegisterScreen = () => Promise.reject(new Error('503 service unavailable'));
    render(<RegisterApp data={backend} strings={nl} lang="nl" clock={clock} />);
    expect(await screen.findByText(/Het register kon niet geladen worden: 503/)).toBeTruthy();
  });
});


describe('RegisterApp concurrency', () => {
  it('refuses to apply a command to a dossier someone else changed after it was opened, and reloads it', async () => {
    const tenant = seedTenant();
    await renderApp(tenant);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0003 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Terugsturen met opmerkingen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.change(within(dialog).getByLabelText(/Opmerkingen voor de aanvrager/), { target: { value: 'Vul de rechtsgrond aan.' } });
    // Someone else starts the deliberation meanwhile.
    const other = tenant.backend(clock).commands;
    const result = await other.execute('VSA-2026-0003', { type: 'startDeliberation', commandId: 'other-1', overrideReason: 'ok' } as never, dpoMember, now);
    expect(result.ok).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    expect((await screen.findAllByText(/Iemand anders heeft dit dossier intussen gewijzigd/)).length).toBeGreaterThanOrEqual(1);
    expect(tenant.projections.get('VSA-2026-0003')?.write.dossier.state).toBe('deliberation');
    expect(tenant.log.get('VSA-2026-0003')?.some((e) => e.event.type === 'ReturnedForChanges')).toBe(false);
  });
});

describe('RegisterApp documents', () => {
  it('checks a stored docx on demand, shows its findings and downloads the annotated copy', async () => {
    const { fillForm, generateTemplate, readForm } = await import('../../../src/forms');
    const tenant = seedTenant();
    const bytes = await fillForm(await generateTemplate('aanvraagformulier'), { fields: { 'project.titel': 'Vrije tijd' } }, { fileName: 'aanvraagformulier.docx' });
    await tenant.backend(clock).documents.upload('VSA-2026-0003', 'aanvraagformulier.docx', bytes, { kind: 'aanvraagformulier', phase: 'draft' });
    const saveFile = jest.fn();
    render(<RegisterApp data={tenant.backend(clock)} strings={nl} lang="nl" clock={clock} saveFile={saveFile} />);
    fireEvent.click(await screen.findByRole('link', { name: 'Dossier VSA-2026-0003 openen' }));
    fireEvent.click(await screen.findByRole('tab', { name: /Documenten/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Bevindingen van aanvraagformulier.docx' }));
    const blocking = await screen.findByRole('region', { name: /Blokkerend/ }, { timeout: 10_000 });
    expect(within(blocking).getAllByRole('listitem').length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Download met opmerkingen' }));
    await waitFor(() => expect(saveFile).toHaveBeenCalled(), { timeout: 10_000 });
    const [fileName, annotated] = saveFile.mock.calls[0] as [string, Uint8Array];
    expect(fileName).toBe('aanvraagformulier - opmerkingen.docx');
    const reread = await readForm(annotated, fileName);
    // One comment per finding of the draft checks, the blocking ones among them.
    const { checkForm } = await import('../../../src/forms');
    const findings = checkForm(await readForm(bytes, fileName), { phase: 'draft', today: now.slice(0, 10), hasMandateDocument: false });
    expect(reread.comments).toHaveLength(findings.length);
    expect(within(blocking).getAllByRole('listitem')).toHaveLength(findings.filter((f) => f.severity === 'blocking').length);
  });

  it('gives the mailbox and mail features to the DPO team only, and composes them only when first needed', async () => {
    const loadMail = jest.fn(() => Promise.reject(new Error('Graph unavailable')));
    render(<RegisterApp data={seedTenant(statistician).backend(clock)} strings={nl} lang="nl" clock={clock} pageSize={2} saveFile={jest.fn()} mail={loadMail} />);
    await screen.findByText('3 van 3 dossiers');
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Register', 'Dashboard']);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    await screen.findByText('Dossier VSA-2026-0001');
    expect(loadMail).not.toHaveBeenCalled();
    cleanup();

    render(<RegisterApp data={seedTenant().backend(clock)} strings={nl} lang="nl" clock={clock} pageSize={2} saveFile={jest.fn()} mail={loadMail} />);
    await screen.findByText('3 van 3 dossiers');
    expect(loadMail).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('tab', { name: 'Postvak' }));
    expect(await screen.findByText('Het postvak kon niet gelezen worden: Graph unavailable')).toBeTruthy();
    expect(loadMail).toHaveBeenCalledTimes(1);
  });
});
