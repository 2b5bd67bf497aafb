/** @jest-environment jsdom */
import * as React from 'react';
import './support/jsdomPolyfills';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RegisterApp } from '../../../src/webparts/dossierRegister/app/RegisterApp';
import { createRegisterService } from '../../../src/app/registerService';
import { memoryDossierLocation } from '../../../src/webparts/dossierRegister/app/dossierLocation';
import { leadTimesPerStep } from '../../../src/ui/dashboard/metrics';
import { assignStep, buildEvents, dpoMember, draftsStep, registerStep, requestFormsStep, statistician } from '../../ui/support/dossiers';
import { nl } from '../../ui/support/strings';
import { FakeTenant } from './support/fakeBackend';

const now = '2026-11-25T10:00:00.000Z';
const clock = (): string => now;

function seedTenant(): FakeTenant {
  const tenant = new FakeTenant(dpoMember, { statistician: [statistician] });
  tenant.seed(buildEvents([registerStep('VSA-2026-0001', '2026-11-01T09:00:00.000Z')]));
  tenant.seed(buildEvents([registerStep('VSA-2026-0002', '2026-11-02T09:00:00.000Z'), assignStep('2026-11-05T09:00:00.000Z')]));
  tenant.seed(buildEvents([
    registerStep('VSA-2026-0003', '2026-09-01T09:00:00.000Z'), assignStep('2026-09-03T09:00:00.000Z'),
    requestFormsStep('2026-09-05T09:00:00.000Z'), draftsStep('2026-10-01T09:00:00.000Z')
  ]));
  return tenant;
}

/** The `(n=…)` labels the lead-time chart should show for these dossiers, by the metric itself. */
function expectedLabels(tenant: FakeTenant): string[] {
  const dossiers = [...tenant.projections.values()].map((stored) => stored.write.dossier);
  return leadTimesPerStep(dossiers, now).filter((t) => t.count > 0).map((t) => `(n=${t.count})`);
}

async function openDashboard(tenant: FakeTenant): Promise<void> {
  render(<RegisterApp service={createRegisterService(tenant.backend(clock), { clock })} strings={nl} lang="nl" location={memoryDossierLocation()} pageSize={2} saveFile={jest.fn()} />);
  await screen.findByText('3 van 3 dossiers');
  fireEvent.click(screen.getByRole('tab', { name: 'Dashboard' }));
  await screen.findByText(nl.chartLeadTime);
}

const shownLabels = (): string[] => screen.queryAllByText(/\(n=\d+\)/).map((cell) => /\(n=\d+\)/.exec(cell.textContent ?? '')?.[0] ?? '');

describe('dashboard lead times from the register rows', () => {
  it('uses the state history of every row and loads no dossier in full', async () => {
    const tenant = seedTenant();
    await openDashboard(tenant);
    const expected = expectedLabels(tenant);
    expect(expected.length).toBeGreaterThan(0);
    await waitFor(() => expect(shownLabels()).toEqual(expected));
    expect(tenant.streamLoads).toBe(0);
    expect(screen.queryByTestId('lead-time-coverage')).toBeNull();
  });

  it('loads rows without a history in full, and says so', async () => {
    const tenant = seedTenant();
    tenant.withoutHistoryColumn.add('VSA-2026-0002');
    await openDashboard(tenant);
    const note = await screen.findByTestId('lead-time-coverage');
    await waitFor(() => expect(note.textContent).toContain('1 ervan werden volledig geladen, 0 tellen niet mee'));
    expect(note.textContent).toMatch(/^1 dossier\(s\) hebben nog geen statusgeschiedenis/);
    expect(tenant.streamLoads).toBe(1);
    await waitFor(() => expect(shownLabels()).toEqual(expectedLabels(tenant)));
  });

  it('leaves rows beyond the sample out and counts them in the note', async () => {
    const tenant = seedTenant();
    for (const reference of ['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0003']) tenant.withoutHistoryColumn.add(reference);
    render(<RegisterApp service={createRegisterService(tenant.backend(clock), { clock })} strings={nl} lang="nl" location={memoryDossierLocation()} pageSize={2} saveFile={jest.fn()} leadTimeSample={1} />);
    await screen.findByText('3 van 3 dossiers');
    fireEvent.click(screen.getByRole('tab', { name: 'Dashboard' }));
    const note = await screen.findByTestId('lead-time-coverage');
    await waitFor(() => expect(note.textContent).toContain('1 ervan werden volledig geladen, 2 tellen niet mee'));
    expect(tenant.streamLoads).toBe(1);
  });
});
