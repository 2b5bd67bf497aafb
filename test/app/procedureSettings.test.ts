import { settingsNoticeLines } from '../../src/app/settingsNotices';
import { loadProcedureSettings, settingsNotices } from '../../src/app/procedureSettings';
import { DataError } from '../../src/data/errors';
import { defaultProcedureSettings } from '../../src/domain/clocks';
import { formatError } from '../../src/domain/formatError';

describe('loading the procedure settings', () => {
  it('given no reader, then the defaults apply without a warning', async () => {
    expect(await loadProcedureSettings(undefined)).toEqual({ settings: defaultProcedureSettings, problems: [] });
  });

  it('given a list that cannot be read, then the defaults apply and a visible warning says why', async () => {
    const result = await loadProcedureSettings({ readRows: () => Promise.reject(new DataError('data.error.unavailable', 'read the procedure settings: 403', 403)) });
    expect(result.settings).toEqual(defaultProcedureSettings);
    expect(result.warning?.code).toBe('settings.warning.unreadable');
    const [line] = settingsNotices(result).map((notice) => formatError(notice, 'nl'));
    expect(line).toMatch(/^De lijst "Instellingen van de procedure" kon niet gelezen worden \(.*403.*\); de standaardtermijnen worden gebruikt\.$/);
  });

  it('given a list that cannot be read, then the banner gives the reason in the reader\'s language, never the adapter\'s English', async () => {
    const result = await loadProcedureSettings({ readRows: () => Promise.reject(new DataError('data.error.unavailable', 'read the procedure settings: service unavailable (503).', 503)) });
    const [dutch] = settingsNoticeLines(result, 'nl');
    expect(dutch).toBe('De lijst "Instellingen van de procedure" kon niet gelezen worden (De dienst is niet bereikbaar. Probeer het later opnieuw.); de standaardtermijnen worden gebruikt.');
    const [english] = settingsNoticeLines(result, 'en');
    expect(english).toBe('The list "Instellingen van de procedure" could not be read (The service cannot be reached. Try again later.); the default deadlines are used.');
    expect(settingsNoticeLines({ problems: [{ key: 'x', code: 'settings.error.unknownKey', params: { key: 'x' } }] }, 'nl')).toEqual(['Onbekende instelling "x"; de rij wordt genegeerd.']);
  });

  it('given a list with a bad row, then the other rows apply and the problem is a notice', async () => {
    const result = await loadProcedureSettings({ readRows: async () => [{ key: 'review', days: 'dertig' }, { key: 'intake', days: 2, unit: 'werkdagen', escalateAfterDays: 1 }] });
    expect(result.settings.phases.intake.days).toBe(2);
    expect(result.settings.phases.review).toEqual(defaultProcedureSettings.phases.review);
    expect(settingsNotices(result).map((notice) => formatError(notice, 'en'))).toEqual(['Setting "review": "dertig" is not a whole number; the default 30 is used.']);
  });
});
