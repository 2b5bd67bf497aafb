/**
 * Writes src/domain/clocks/belgianHolidays.ts: the Belgian and Flemish non-working days per year from
 * the date-holidays library, for the web parts (which must not bundle the library). Rerun when the
 * library is upgraded or the years run out; test/domain/clocks/belgianHolidays.test.ts fails when the
 * table and the library disagree.
 *   npx tsx scripts/make-holidays.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { holidayTableSource } from '../src/data/calendar/dateHolidaysCalendar';

export const tableYears = { first: 2015, last: 2045 } as const;

function main(): void {
  const target = join(__dirname, '..', 'src', 'domain', 'clocks', 'belgianHolidays.ts');
  writeFileSync(target, holidayTableSource(tableYears.first, tableYears.last));
  console.log(`written: ${target}`);
}

if (require.main === module) main();
