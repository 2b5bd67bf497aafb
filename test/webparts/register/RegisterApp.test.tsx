/** @jest-environment jsdom */
/**
 * The register screen's wiring: what the service loads is shown, what the user does reaches the
 * service, and failures are shown in Dutch. The rules themselves (which commands, conflicts, the
 * version pre-check, uploads, the annotated copy) are tested fast in `test/app/registerService.test.ts`.
 */
import * as React from 'react';
import './support/jsdomPolyfills';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { RegisterApp } from '../../../src/webparts/dossierRegister/app/RegisterApp';
import { createRegisterService } from '../../../src/app/registerService';
import { memoryDossierLocation, type DossierLocation } from '../../../src/webparts/dossierRegister/app/dossierLocation';
import { DataError } from '../../../src/data/errors';
import type { RegisterPorts } from '../../../src/app/registerPorts';
import { chief, dpoMember, statistician } from '../../ui/support/dossiers';
import { CodebookLibrary } from '../../../src/app/codebooks';
import type { CodebookStore } from '../../../src/data/ports';
import type { Actor } from '../../../src/domain/types';
import { nl } from '../../ui/support/strings';
import type { RegisterMail } from '../../../src/app/registerMail';
import { FakeTenant, threeDossierTenant } from './support/fakeBackend';

const now = '2026-11-25T10:00:00.000Z';
const clock = (): string => now;

const seedTenant = (actor: Actor = dpoMember): FakeTenant => threeDossierTenant(actor);

async function renderApp(ports: RegisterPorts, extra: { location?: DossierLocation; mail?: () => Promise<never> } = {}): Promise<void> {
  render(
    <RegisterApp
      service={createRegisterService(ports, { clock })}
      strings={nl}
      lang="nl"
      pageSize={2}
      saveFile={jest.fn()}
      location={extra.location ?? memoryDossierLocation()}
      mail={extra.mail}
    />
  );
  await screen.findByText('3 van 3 dossiers');
}

describe('RegisterApp', () => {
  it('shows the whole register, who is signed in, deadlines, and the DPO team the commands of the workflow table', async () => {
    const tenant = seedTenant();
    await renderApp(tenant.backend(clock));
    expect(tenant.registerPageRequests).toBe(2);
    expect(screen.getByText('Aangemeld als An Peeters')).toBeTruthy();
    // The dossier under review since 1 October is past the 30-day review deadline.
    expect(screen.getByText(/25 d te laat/)).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    const actions = await screen.findByRole('region', { name: 'Acties' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Statisticus toewijzen', 'Niet ontvankelijk verklaren', 'Intrekken']);
  });

  it('given a settings list that cannot be read, then the register still loads with the default deadlines and says so above the tabs', async () => {
    render(
      <RegisterApp
        service={createRegisterService(seedTenant().backend(clock), { clock, procedureSettings: { readRows: () => Promise.reject(new Error('list missing')) } })}
        strings={nl}
        lang="nl"
        pageSize={2}
        saveFile={jest.fn()}
        location={memoryDossierLocation()}
      />
    );
    await screen.findByText('3 van 3 dossiers');
    expect(screen.getByRole('status', { name: 'Instellingen van de procedure' }).textContent).toBe(
      'De lijst "Instellingen van de procedure" kon niet gelezen worden (Onverwachte fout: list missing); de standaardtermijnen worden gebruikt.'
    );
    expect(screen.getByText(/25 d te laat/)).toBeTruthy();
  });

  it('shows the items that could not be read as a notice with their ids, and every other dossier', async () => {
    const ports = seedTenant().backend(clock);
    const skipped = [{ itemId: 77, reason: 'unknown or missing state' }];
    await renderApp({
      ...ports,
      dossiers: { ...ports.dossiers, readRegisterPage: async (query, cursor) => ({ ...(await ports.dossiers.readRegisterPage(query, cursor)), ...(cursor ? { skipped } : {}) }) }
    });
    expect(await screen.findByText('1 item(s) van de lijst Dossiers konden niet gelezen worden en worden niet getoond (item-id: 77). Meld dit aan de beheerder.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' })).toBeTruthy();
  });

  it('says which pending events replay ignored when the projection was not written by the service', async () => {
    const ports = seedTenant().backend(clock);
    await renderApp({
      ...ports,
      readModel: { ...ports.readModel, loadDossierDetail: async (reference) => ({ ...(await ports.readModel.loadDossierDetail(reference)), ignoredPendingEvents: ['forged:0'] }) }
    });
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    expect(await screen.findByText(/Gebeurtenis\(sen\) forged:0 in de projectie van dit dossier werden genegeerd/)).toBeTruthy();
  });

  it('assigns a statistician through the command dialog', async () => {
    const tenant = seedTenant();
    await renderApp(tenant.backend(clock));
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Statisticus toewijzen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(await within(dialog).findByRole('radio', { name: 'Bart Claes' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    await waitFor(() => expect(tenant.projections.get('VSA-2026-0001')?.write.dossier.state).toBe('preliminary'));
  });

  it('shows why the statisticians could not be listed instead of an empty choice', async () => {
    const ports = seedTenant().backend(clock);
    await renderApp({ ...ports, directory: { membersOf: () => Promise.reject(new DataError('data.error.accessDenied', 'read group: access denied (403).', 403)) } });
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Statisticus toewijzen' }));
    expect(await screen.findByText('Er ging iets mis: U hebt hiervoor geen toegang.')).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('explains a conflict when someone else keeps changing the dossier', async () => {
    const tenant = seedTenant();
    await renderApp(tenant.backend(clock));
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0003 openen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Terugsturen met opmerkingen' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.change(within(dialog).getByLabelText(/Opmerkingen voor de aanvrager/), { target: { value: 'Vul de rechtsgrond aan.' } });
    tenant.alwaysConflict = true;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bevestigen' }));
    expect((await screen.findAllByText(/Iemand anders heeft dit dossier intussen gewijzigd/)).length).toBeGreaterThanOrEqual(1);
  });

  it('shows a load error in Dutch, not the data layer English message', async () => {
    const ports = seedTenant().backend(clock);
    const failing: RegisterPorts = {
      ...ports,
      readModel: { ...ports.readModel, loadRegisterScreen: () => Promise.reject(new DataError('data.error.unavailable', 'load the register: service unavailable (503).', 503)) }
    };
    render(<RegisterApp service={createRegisterService(failing, { clock })} strings={nl} lang="nl" location={memoryDossierLocation()} />);
    expect(await screen.findByText('Het register kon niet geladen worden: De dienst is niet bereikbaar. Probeer het later opnieuw.')).toBeTruthy();
  });

  it('gives the mailbox to the DPO team only, composes it only when first needed, and shows its failure', async () => {
    const loadMail = jest.fn(() => Promise.reject(new Error('Graph unavailable')));
    await renderApp(seedTenant(statistician).backend(clock), { mail: loadMail });
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Register', 'Dashboard']);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    await screen.findByText('Dossier VSA-2026-0001');
    expect(loadMail).not.toHaveBeenCalled();
    cleanup();

    await renderApp(seedTenant().backend(clock), { mail: loadMail });
    expect(loadMail).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('tab', { name: 'Postvak' }));
    expect(await screen.findByText('Het postvak kon niet gelezen worden: Onverwachte fout: Graph unavailable')).toBeTruthy();
    expect(loadMail).toHaveBeenCalledTimes(1);
  });

  it('offers the assigned statistician the step-1 mails of the dossier only, without the mailbox (issue 16)', async () => {
    const mail = { mailKindsFor: () => ['requestForms', 'returnWithComments', 'notAdmissible'] } as unknown as RegisterMail;
    const loadMail = jest.fn(async () => mail);
    await renderApp(seedTenant(statistician).backend(clock), { mail: loadMail as unknown as () => Promise<never> });
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Register', 'Dashboard']);
    fireEvent.click(screen.getByRole('link', { name: 'Dossier VSA-2026-0002 openen' }));
    expect(await screen.findByRole('button', { name: 'E-mail opstellen: Formulieren opvragen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: /E-mail opstellen: Niet ontvankelijk/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /E-mail opstellen: Terugsturen/ })).toBeNull();
    expect(loadMail).toHaveBeenCalledTimes(1);
  });
});

describe('RegisterApp: the dossier in the address', () => {
  it('opens the dossier the address names, follows the open panel and drops the parameter when it closes', async () => {
    const location = memoryDossierLocation('VSA-2026-0002');
    await renderApp(seedTenant().backend(clock), { location });
    expect(await screen.findByText('Dossier VSA-2026-0002')).toBeTruthy();
    expect(location.current()).toBe('VSA-2026-0002');
    fireEvent.click(screen.getByRole('button', { name: nl.close }));
    await waitFor(() => expect(location.current()).toBeUndefined());
    fireEvent.click(await screen.findByRole('link', { name: 'Dossier VSA-2026-0003 openen' }));
    await screen.findByText('Dossier VSA-2026-0003');
    expect(location.current()).toBe('VSA-2026-0003');
  });

  it('gives the "Codeboeken" tab to the DPO team and the statisticians, and imports there under their name', async () => {
    const saved: string[] = [];
    const store: CodebookStore = {
      list: async () => [{ wave: 'SV-bevraging 2023-1', variableCount: 312, sensitiveCount: 14, sourceFileName: 'sv.csv', importedAt: '2026-11-20T09:00:00.000Z', importedBy: 'Bart Claes' }],
      load: async () => [],
      save: async (codebooks, source, by) => {
        saved.push(`${source.fileName} ${codebooks.map((c) => c.wave).join('+')} by ${by.displayName}`);
        return codebooks.map((c) => ({ wave: c.wave, variableCount: c.variables.length, sensitiveCount: 0, sourceFileName: source.fileName, importedAt: now, importedBy: by.displayName }));
      }
    };
    const renderWith = async (actor: Actor): Promise<void> => {
      render(<RegisterApp service={createRegisterService(seedTenant(actor).backend(clock), { clock, codebooks: new CodebookLibrary(store) })} strings={nl} lang="nl" pageSize={2} saveFile={jest.fn()} location={memoryDossierLocation()} />);
      await screen.findByText('3 van 3 dossiers');
    };
    await renderWith(chief);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Register', 'Dashboard']);
    cleanup();

    await renderWith(statistician);
    fireEvent.click(screen.getByRole('tab', { name: 'Codeboeken' }));
    const table = await screen.findByRole('table', { name: 'Codeboeken per golf' });
    expect(within(table).getByRole('rowheader', { name: 'SV-bevraging 2023-1' })).toBeTruthy();
    const csv = 'name;label;wave;sensitive\nleeftijd;Leeftijd;COVID-19-bevraging golf 3;nee\n';
    fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [new File([csv], 'covid.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText('covid.csv is ingelezen: COVID-19-bevraging golf 3 (1 variabelen, 0 gevoelig).')).toBeTruthy();
    expect(saved).toEqual(['covid.csv COVID-19-bevraging golf 3 by Bart Claes']);

    fireEvent.change(screen.getByLabelText('Bestand'), { target: { files: [new File(['<!DOCTYPE x><codeBook/>'], 'kwaad.xml')] } });
    fireEvent.click(screen.getByRole('button', { name: 'Inlezen' }));
    expect(await screen.findByText(/^Er werd niets ingelezen: kwaad\.xml: /)).toBeTruthy();
    expect(saved).toHaveLength(1);
  });

  it('gives the "Instellingen" tab to the DPO team only, and flags an open dossier in step 1 whose institution is not in the register', async () => {
    const { InstitutionRegister } = await import('../../../src/app/institutions');
    const { MemoryInstitutionStore, denkbeeld } = await import('../../support/institutions');
    const renderWith = async (actor: Actor): Promise<void> => {
      const institutions = new InstitutionRegister(new MemoryInstitutionStore([denkbeeld]));
      render(<RegisterApp service={createRegisterService(seedTenant(actor).backend(clock), { clock, institutions })} strings={nl} lang="nl" pageSize={2} saveFile={jest.fn()} location={memoryDossierLocation()} />);
      await screen.findByText('3 van 3 dossiers');
    };
    await renderWith(statistician);
    expect(screen.queryByRole('tab', { name: 'Instellingen' })).toBeNull();
    cleanup();

    await renderWith(dpoMember);
    fireEvent.click(screen.getByRole('tab', { name: 'Instellingen' }));
    const table = await screen.findByRole('table', { name: 'Instellingen' });
    expect(within(table).getByRole('rowheader', { name: 'Hogeschool Denkbeeld' })).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Register' }));
    fireEvent.click(await screen.findByRole('link', { name: 'Dossier VSA-2026-0001 openen' }));
    expect(await screen.findByText('Universiteit Gent staat niet in het register van instellingen: het DPO-team gaat na of de instelling in aanmerking komt en voegt ze toe.')).toBeTruthy();
  });
});
