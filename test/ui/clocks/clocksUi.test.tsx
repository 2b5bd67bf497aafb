/** @jest-environment jsdom */
import * as React from 'react';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { clockStatus, defaultProcedureSettings, generatedHolidayCalendar, type ClockFacts } from '../../../src/domain/clocks';
import { ClockSection } from '../../../src/ui/clocks/ClockSection';
import { Dashboard } from '../../../src/ui/dashboard/Dashboard';
import { RegisterView } from '../../../src/ui/register/RegisterView';
import { toDossierRow, type RegisterEntry } from '../../../src/ui/register/registerRows';
import { en, nl } from '../support/strings';

// jsdom lacks TextEncoder; the dashboard encodes the CSV with it.
Object.assign(globalThis, { TextEncoder: globalThis.TextEncoder ?? NodeTextEncoder, TextDecoder: globalThis.TextDecoder ?? NodeTextDecoder });

const setup = { settings: defaultProcedureSettings, calendar: generatedHolidayCalendar };
const now = '2026-03-02T09:00:00.000Z';

/** The example: 25 VSA days of review, a return, 10 more. */
const reviewedTwice: ClockFacts = {
  reference: 'VSA-2026-0001',
  state: 'underReview',
  stateSince: '2026-02-20T09:00:00.000Z',
  stateHistory: [
    { state: 'formsRequested', enteredAt: '2026-01-04T09:00:00.000Z', leftAt: '2026-01-05T09:00:00.000Z' },
    { state: 'underReview', enteredAt: '2026-01-05T09:00:00.000Z', leftAt: '2026-01-30T09:00:00.000Z' },
    { state: 'returnedForChanges', enteredAt: '2026-01-30T09:00:00.000Z', leftAt: '2026-02-20T09:00:00.000Z' },
    { state: 'underReview', enteredAt: '2026-02-20T09:00:00.000Z' }
  ]
};
const delivered: ClockFacts = {
  reference: 'VSA-2025-0100',
  state: 'deliberation',
  stateSince: '2026-02-10T09:00:00.000Z',
  stateHistory: [
    { state: 'underReview', enteredAt: '2026-01-20T09:00:00.000Z', leftAt: '2026-02-10T09:00:00.000Z' },
    { state: 'deliberation', enteredAt: '2026-02-10T09:00:00.000Z' }
  ]
};

const status = clockStatus(reviewedTwice, setup.settings, setup.calendar, now);
const entryOf = (facts: ClockFacts): RegisterEntry => ({ reference: facts.reference, subject: 'Onderwerp', state: facts.state, stateSince: facts.stateSince, stateHistory: facts.stateHistory, deadline: clockStatus(facts, setup.settings, setup.calendar, now) });

describe('the clocks on screen', () => {
  it('given the 25 + 10 review, when the panel shows "Termijnen", then phase, side, 35 of 30 days, due date, escalation and VSA vs requester days are there', () => {
    render(<ClockSection status={status} lang="nl" strings={nl.clocks} />);
    const section = screen.getByRole('region', { name: 'Termijnen' });
    expect(within(section).getByText('Beoordeling')).toBeTruthy();
    expect(within(section).getByText('VSA')).toBeTruthy();
    expect(within(section).getByText('35 van 30 kalenderdagen')).toBeTruthy();
    expect(within(section).getByText('25/02/2026 · 5 kalenderdagen te laat')).toBeTruthy();
    expect(within(section).getByText('07/03/2026')).toBeTruthy();
    expect(within(section).getByText('Dagen bij de VSA').nextSibling?.textContent).toBe('35');
    expect(within(section).getByText('Dagen bij de aanvrager').nextSibling?.textContent).toBe('22');
  });

  it('given a broken history, when the panel shows "Termijnen", then the message says why and no deadline is shown', () => {
    const broken = clockStatus({ ...reviewedTwice, state: 'deliberation' }, setup.settings, setup.calendar, now);
    render(<ClockSection status={broken} lang="en" strings={en.clocks} />);
    expect(screen.getByRole('alert').textContent).toMatch(/^The state history of dossier VSA-2026-0001 is incomplete or inconsistent/);
    expect(screen.queryByText('Due on')).toBeNull();
  });

  it('given register rows, when the register shows them, then the phase column names the phase and the VSA/requester days', () => {
    const rows = [entryOf(reviewedTwice), entryOf(delivered)].map((entry) => toDossierRow(entry, now, 'nl'));
    expect(rows[0]).toMatchObject({ phase: 'review', side: 'vsa', dueAt: '2026-02-25', overdue: true, overdueDays: 5, vsaDays: 35, requesterDays: 22 });
    render(<RegisterView rows={rows} loading={false} currentUserId="" canCreate={false} onCreate={jest.fn()} onOpen={jest.fn()} onRefresh={jest.fn()} lang="nl" strings={nl} />);
    expect(screen.getByRole('columnheader', { name: /^Fase/ })).toBeTruthy();
    expect(screen.getAllByText('VSA 35 d · aanvrager 22 d').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Beraad en advies').length).toBeGreaterThan(0);
  });

  it('given the dashboard with clocks, then adherence per phase and month shows and "CSV exporteren" saves the phase times', () => {
    const saveFile = jest.fn();
    render(<Dashboard rows={[]} histories={[]} onOpen={jest.fn()} clocks={{ entries: [entryOf(reviewedTwice), entryOf(delivered)], setup }} onSaveFile={saveFile} now={now} lang="nl" strings={nl} />);
    const section = screen.getByRole('region', { name: 'Termijnen per fase en per maand' });
    const review = within(section).getAllByRole('row').find((row) => row.getAttribute('data-phase') === 'review' && row.getAttribute('data-month') === '2026-02');
    expect(review?.textContent).toContain('Beoordeling');
    expect(within(review as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['2026-02', 'Beoordeling', '1', '100%', '21', '21']);
    fireEvent.click(within(section).getByRole('button', { name: 'CSV exporteren' }));
    expect(saveFile).toHaveBeenCalledTimes(1);
    const [fileName, bytes] = saveFile.mock.calls[0] as [string, Uint8Array];
    expect(fileName).toBe('fasetijden-2026-03-02.csv');
    const csv = new NodeTextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(csv.startsWith('\uFEFFReferentie,Status,Dagen VSA,Dagen aanvrager,')).toBe(true);
    expect(csv).toContain('\r\nVSA-2025-0100,In beraad DPO-team,');
    expect(csv).toContain('\r\nVSA-2026-0001,In beoordeling,35,22,');
  });
});
