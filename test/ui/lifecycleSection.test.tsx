/** @jest-environment jsdom */
import '../webparts/register/support/jsdomPolyfills';
import * as React from 'react';
import { render, screen, within } from '@testing-library/react';
import { setIconOptions } from '@fluentui/react/lib/Styling';
import { replay, type Dossier, type DossierEvent } from '../../src/domain';
import { lifecycleOf } from '../../src/app/registerDetail';
import type { RegisterRow } from '../../src/data/ports';
import { hasLifecycle, LifecycleSection } from '../../src/ui/lifecycle/LifecycleSection';
import { RegisterView } from '../../src/ui/register/RegisterView';
import { toDossierRow, type RegisterEntry } from '../../src/ui/register/registerRows';
import { entriesFromRegisterRows } from '../../src/webparts/dossierRegister/app/registerEntries';
import { actors, at, cmd } from '../domain/support/fixtures';
import { given } from '../domain/support/given';
import { eventsIn } from '../domain/support/paths';
import { nl } from './support/strings';

setIconOptions({ disableWarnings: true });

/** A delivered protocol whose signed forms state a retention end after the protocol end (2028-02-29). */
function deliveredWith(retentionEnd: string): DossierEvent[] {
  const history = eventsIn('published').map((event): DossierEvent => (event.type === 'SignedDocumentsRegistered'
    ? { ...event, requestedData: { surveys: ['SV-bevraging 2023-1'], variablesCount: 4, recipients: [{ name: 'Karel Contact', institution: 'Universiteit Voorbeeld' }], retentionEnd } }
    : event));
  return given(history).when({ ...cmd.registerDelivery(), waves: ['SV-bevraging 2023-1'], channel: 'secureLink', files: [{ fileName: 'sv.csv', sha256: 'f'.repeat(64) }] } as never, actors.team)
    .thenEvents([{ type: 'DeliveryRegistered' }]);
}

describe('LifecycleSection (panel)', () => {
  it('shows what was delivered, the dates in force moved by an extension, the retention warning and the follow-up', async () => {
    const dossier = replay(deliveredWith('2030-01-31')) as Dossier;
    render(<LifecycleSection dossier={dossier} dates={{ protocolEnd: '2028-08-31', retentionEnd: '2030-08-03', movedBy: ['PROT-2026-001/A1'] }} now="2026-06-01T10:00:00.000Z" lang="nl" strings={nl} />);
    const section = screen.getByRole('region', { name: 'Levering en bewaring' });
    expect(within(section).getByText('Beveiligde downloadlink')).toBeTruthy();
    expect(within(section).getByText('f'.repeat(64))).toBeTruthy();
    expect(within(section).getByText('Karel Contact (Universiteit Voorbeeld)')).toBeTruthy();
    expect(within(section).getByText('31/08/2028 (verschoven door PROT-2026-001/A1)')).toBeTruthy();
    expect(await within(section).findByText(/loopt na het einde van het protocol/)).toBeTruthy();
    expect(within(section).getByText('Opvolging van de vernietiging vanaf 03/08/2030')).toBeTruthy();
  });

  it('shows a revocation with its reason and the follow-up due from the revocation date', async () => {
    const history = deliveredWith('2027-12-31');
    const revoked = replay(given(history).when(cmd.revokeProtocol('2026-01-20', 'Inbreuk op de voorwaarden.'), actors.chief, at(60)).thenEvents([{ type: 'ProtocolRevoked' }])) as Dossier;
    render(<LifecycleSection dossier={revoked} now="2026-03-01T10:00:00.000Z" lang="nl" strings={nl} />);
    expect(await screen.findByText(/Ingetrokken op 20\/01\/2026\. Reden: Inbreuk op de voorwaarden\./)).toBeTruthy();
    expect(screen.getByText('Vernietiging te bevestigen sinds 20/01/2026 (40 dagen)').closest('[data-follow-up="due"]')).not.toBeNull();
  });

  it('tells a request on a revoked protocol why its steps stopped', async () => {
    const pending = replay(given([]).when({ ...cmd.registerRequest('VSA-2026-0002'), parentProtocolNumber: 'PROT-2026-001', simplifiedReasons: ['extension'] } as never, actors.team)
      .thenEvents([{ type: 'DossierRegistered' }])) as Dossier;
    const dates = { revokedOn: '2026-09-15', movedBy: [] };
    expect(hasLifecycle(pending)).toBe(false);
    expect(hasLifecycle(pending, dates)).toBe(true);
    render(<LifecycleSection dossier={pending} dates={dates} now="2026-10-01T10:00:00.000Z" lang="nl" strings={nl} />);
    expect(await screen.findByText('Protocol PROT-2026-001 ingetrokken op 15/09/2026')).toBeTruthy();
  });

  it('says when the destruction was confirmed', () => {
    const closed = replay(eventsIn('closed')) as Dossier;
    render(<LifecycleSection dossier={closed} now="2026-03-01T10:00:00.000Z" lang="nl" strings={nl} />);
    expect(screen.getByText(/Vernietiging bevestigd op/).closest('[data-follow-up="confirmed"]')).not.toBeNull();
  });
});

describe('the revoked protocol in the register', () => {
  const row = (partial: Partial<RegisterRow>): RegisterRow => ({ itemId: 1, reference: 'VSA-2026-0001', subject: 'Onderwerp', state: 'delivered', ...partial });
  const rows = [
    row({ reference: 'VSA-2026-0001', procedure: 'standard', protocolNumber: 'PROT-2026-001', revokedOn: '2026-09-15', protocolEndDate: '2028-02-29', retentionEnd: '2028-12-31' }),
    row({ reference: 'VSA-2026-0002', procedure: 'simplified', parentProtocolNumber: 'PROT-2026-001', state: 'underReview' }),
    row({ reference: 'VSA-2026-0003', procedure: 'standard', protocolNumber: 'PROT-2026-002', state: 'published' })
  ];

  it('marks the protocol and the dossiers on it with "Ingetrokken op <datum>", not the others', () => {
    const entries: RegisterEntry[] = entriesFromRegisterRows(rows, '2026-11-25T12:00:00.000Z');
    expect(entries.map((entry) => [entry.reference, entry.revokedOn])).toEqual([
      ['VSA-2026-0001', '2026-09-15'], ['VSA-2026-0002', '2026-09-15'], ['VSA-2026-0003', undefined]
    ]);
    render(<RegisterView rows={entries.map((entry) => toDossierRow(entry, '2026-11-25T12:00:00.000Z', 'nl'))} loading={false} currentUserId="an@vsa.example" canCreate={false} onCreate={jest.fn()} onOpen={jest.fn()} lang="nl" strings={nl} />);
    const badges = screen.getAllByText('Ingetrokken op 15/09/2026');
    expect(badges).toHaveLength(2);
    expect(badges[0].getAttribute('data-revoked')).toBe('true');
  });

  it('shows no overdue deadline for the pending dossier on the revoked protocol (the reminders\' rule), but still for the others', () => {
    const history = (state: string, at: string) => ({ state: state as RegisterRow['state'], stateSince: at, stateHistory: [{ state: state as RegisterRow['state'], enteredAt: at }] });
    const stale = [
      rows[0],
      { ...rows[1], ...history('underReview', '2026-06-01T08:00:00.000Z') },
      { ...rows[2], reference: 'VSA-2026-0004', protocolNumber: undefined, procedure: 'standard' as const, ...history('underReview', '2026-06-01T08:00:00.000Z') }
    ];
    const entries = entriesFromRegisterRows(stale, '2026-11-25T12:00:00.000Z');
    expect(entries[1].deadline.overdue).toBe(false);
    expect(entries[1].deadline.kind).toBeUndefined();
    expect(entries[2].deadline.overdue).toBe(true);
  });

  it('gives the open addendum dossier its protocol\'s revocation, so the panel offers only what decide allows', () => {
    // A one-click extension registered on the protocol: in its chain from its first event.
    const pending = replay(given([]).when({ ...cmd.registerRequest('VSA-2026-0002'), parentProtocolNumber: 'PROT-2026-001', simplifiedReasons: ['extension'] } as never, actors.team)
      .thenEvents([{ type: 'DossierRegistered' }])) as Dossier;
    const lifecycle = lifecycleOf(pending, rows);
    expect(lifecycle.tableFacts).toEqual({ protocolRevocation: { protocolNumber: 'PROT-2026-001', date: '2026-09-15' } });
    expect(lifecycle.dates).toMatchObject({ protocolEnd: '2028-02-29', retentionEnd: '2028-12-31', revokedOn: '2026-09-15' });
  });
});
