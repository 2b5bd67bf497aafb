import type { SPFI } from '@pnp/sp';
import { jobClockSetup } from '../../src/composition/jobClocks';

const noSp = {} as SPFI;

describe('the scheduled job’s clock setup', () => {
  it('given a list that cannot be read, then the run stops instead of reminding on default deadlines', async () => {
    const setup = jobClockSetup(noSp, { readRows: () => Promise.reject(new Error('503 Service Unavailable')) });
    await expect(setup.settings.load()).rejects.toMatchObject({ code: 'data.error.unavailable' });
  });

  it('given a bad row, then its default and a problem for the log (the run goes on)', async () => {
    const setup = jobClockSetup(noSp, { readRows: async () => [{ key: 'review', days: -3, unit: 'kalenderdagen', escalateAfterDays: 10 }] });
    const { settings, problems } = await setup.settings.load();
    expect(settings.phases.review.days).toBe(30);
    expect(problems.map((problem) => problem.code)).toEqual(['settings.error.notPositive']);
  });
});
