import { DEFAULT_JOBS_INTERVAL_SECONDS, jobsIntervalSeconds, startLocalJobs } from '../../src/local/jobsInterval';

describe('the job interval of npm start', () => {
  it('defaults to 300 seconds, takes whole seconds, 0 switches it off', () => {
    expect(jobsIntervalSeconds(undefined)).toBe(DEFAULT_JOBS_INTERVAL_SECONDS);
    expect(jobsIntervalSeconds(' ')).toBe(300);
    expect(jobsIntervalSeconds('60')).toBe(60);
    expect(jobsIntervalSeconds('0')).toBe(0);
    const lines: string[] = [];
    startLocalJobs('http://localhost:1', 0, (line) => lines.push(line))();
    expect(lines).toEqual([]);
  });

  it.each(['-5', '1.5', 'vijf'])('refuses %s with a clear message', (value) => {
    expect(() => jobsIntervalSeconds(value)).toThrow(`VSA_JOBS_INTERVAL_SECONDS '${value}' is not a whole number of seconds`);
  });
});
