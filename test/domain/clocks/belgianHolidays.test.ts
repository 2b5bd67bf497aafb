import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dateHolidaysCalendar, holidayTableSource, nonWorkingDays } from '../../../src/data/calendar/dateHolidaysCalendar';
import { generatedHolidayCalendar, holidayYears } from '../../../src/domain/clocks';
import { tableYears } from '../../../scripts/make-holidays';

describe('the generated holiday table', () => {
  it('given the date-holidays library, when regenerating the table in memory, then it equals the committed file (never hand-made, never drifting)', () => {
    const committed = readFileSync(join(__dirname, '../../../src/domain/clocks/belgianHolidays.ts'), 'utf8');
    expect(holidayTableSource(tableYears.first, tableYears.last)).toBe(committed);
    expect(holidayYears).toEqual(tableYears);
  });

  it('given 2026, when listing the non-working days, then they are the ten Belgian public holidays plus 11 July and 26 December', () => {
    expect(nonWorkingDays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-14',
      '2026-05-25',
      '2026-07-11',
      '2026-07-21',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
      '2026-12-26'
    ]);
  });

  it('given the live adapter and the table, when asking for a covered year, then they agree; outside the table only the live adapter answers', () => {
    const live = dateHolidaysCalendar();
    expect([...(live.holidaysIn(2031) ?? [])]).toEqual([...(generatedHolidayCalendar.holidaysIn(2031) ?? [])]);
    expect(live.holidaysIn(2060)?.has('2060-07-11')).toBe(true);
    expect(live.holidaysIn(1500)).toBeUndefined();
  });
});

describe('date-holidays stays out of the browser bundles', () => {
  const { readdirSync, statSync } = jest.requireActual<typeof import('node:fs')>('node:fs');
  const srcDir = join(__dirname, '../../../src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });
  const sources = files(srcDir).map((path) => ({ path: path.slice(srcDir.length + 1).replace(/\\/g, '/'), text: readFileSync(path, 'utf8') }));

  it('given the source tree, when looking for the library, then only the Node adapter imports it, and no web part, UI, domain, app or client composition imports the adapter', () => {
    expect(sources.filter((file) => /from 'date-holidays'|require\('date-holidays'\)|import\('date-holidays'\)/.test(file.text)).map((file) => file.path)).toEqual(['data/calendar/dateHolidaysCalendar.ts']);
    const browser = /^(webparts|ui|domain|app|word)\/|^composition\/(spfx|client|approvals|office|wordDossier)/;
    expect(sources.filter((file) => browser.test(file.path) && /calendar\/dateHolidaysCalendar/.test(file.text)).map((file) => file.path)).toEqual([]);
  });
});
