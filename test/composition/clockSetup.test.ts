import { nodeClockSetup } from '../../src/composition/clockSetup';
import { defaultProcedureSettings, dossierClock } from '../../src/domain/clocks';

describe('the Node hosts’ clock setup', () => {
  it('given a settings list and the live holiday library, then the clocks use both, in any year (2060 here)', async () => {
    const { setup, notices } = await nodeClockSetup({ readRows: async () => [{ key: 'intake', days: 1, unit: 'werkdagen', escalateAfterDays: 0 }] });
    expect(notices).toEqual([]);
    expect(setup.settings.phases.intake.days).toBe(1);
    // Tuesday 20 July 2060 → Thursday 22 July: Wednesday 21 July (national holiday) does not count.
    const clock = dossierClock({ reference: 'VSA-2060-0001', state: 'intake', stateSince: '2060-07-20T08:00:00.000Z', stateHistory: [{ state: 'intake', enteredAt: '2060-07-20T08:00:00.000Z' }] }, setup.settings, setup.calendar, '2060-07-22T12:00:00.000Z');
    expect(clock.current).toMatchObject({ usedDays: 1, dueOn: '2060-07-22', overdue: false });
  });

  it('given a list that cannot be read, then the defaults and the warning for the log', async () => {
    const { setup, notices } = await nodeClockSetup({ readRows: () => Promise.reject(new Error('403')) });
    expect(setup.settings).toEqual(defaultProcedureSettings);
    expect(notices.map((notice) => notice.code)).toEqual(['settings.warning.unreadable']);
  });
});
