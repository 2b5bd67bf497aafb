import { defaultProcedureSettings, phaseIds, phaseOfState, settingsRows, sideOfPhase, validateProcedureSettings } from '../../../src/domain/clocks';
import { messageCatalogs } from '../../../src/domain';

describe('procedure settings', () => {
  it('given no rows, when validating, then the defaults apply (review and signatures 30 calendar days, protocol end 60 days) without problems', () => {
    const { settings, problems } = validateProcedureSettings([]);
    expect(settings).toEqual(defaultProcedureSettings);
    expect(problems).toEqual([]);
    expect(settings.phases.review).toEqual({ phase: 'review', days: 30, unit: 'calendar', escalateAfterDays: 10 });
    expect(settings.phases.awaitingSignatures).toMatchObject({ days: 30, unit: 'calendar' });
    expect(settings.protocolEndReminderDays).toBe(60);
  });

  it('given the rows of the defaults (the seed), when validating, then they round-trip', () => {
    expect(validateProcedureSettings(settingsRows())).toEqual({ settings: defaultProcedureSettings, problems: [] });
  });

  it('given valid rows in Dutch units and text numbers, when validating, then they apply', () => {
    const { settings, problems } = validateProcedureSettings([
      { key: 'review', days: '20', unit: 'Werkdagen', escalateAfterDays: '2' },
      { key: 'digestWeekday', days: 5 }
    ]);
    expect(problems).toEqual([]);
    expect(settings.phases.review).toEqual({ phase: 'review', days: 20, unit: 'working', escalateAfterDays: 2 });
    expect(settings.digestWeekday).toBe(5);
  });

  it('given negative, zero, not-a-number, unknown unit and unknown key rows, when validating, then each is a problem with the default for that row and the other rows still apply', () => {
    const { settings, problems } = validateProcedureSettings([
      { key: 'intake', days: -3, unit: 'working', escalateAfterDays: 1 },
      { key: 'preliminary', days: 0, unit: 'working', escalateAfterDays: 1 },
      { key: 'deliberation', days: 'tien', unit: 'working', escalateAfterDays: 1 },
      { key: 'decision', days: 4, unit: 'weken', escalateAfterDays: 1 },
      { key: 'delivery', days: 4, unit: 'calendar', escalateAfterDays: -1 },
      { key: 'digestWeekday', days: 9 },
      { key: 'protocolEndReminder', days: '2.5' },
      { key: 'coffee', days: 1 },
      { key: 'review', days: 45, unit: 'calendar', escalateAfterDays: 5 },
      { key: 'review', days: 10, unit: 'calendar', escalateAfterDays: 5 }
    ]);
    expect(problems.map((p) => [p.key, p.code])).toEqual([
      ['intake', 'settings.error.notPositive'],
      ['preliminary', 'settings.error.notPositive'],
      ['deliberation', 'settings.error.notANumber'],
      ['decision', 'settings.error.unknownUnit'],
      ['delivery', 'settings.error.negative'],
      ['digestWeekday', 'settings.error.weekdayOutOfRange'],
      ['protocolEndReminder', 'settings.error.notANumber'],
      ['coffee', 'settings.error.unknownKey'],
      ['review', 'settings.error.duplicateKey']
    ]);
    expect(problems[0].params).toEqual({ key: 'intake', value: '-3', default: 5 });
    for (const id of ['intake', 'preliminary', 'deliberation', 'decision', 'delivery'] as const) expect(settings.phases[id]).toEqual(defaultProcedureSettings.phases[id]);
    expect(settings.digestWeekday).toBe(defaultProcedureSettings.digestWeekday);
    expect(settings.protocolEndReminderDays).toBe(60);
    expect(settings.phases.review.days).toBe(45);
    for (const problem of problems) for (const lang of ['nl', 'en'] as const) expect(messageCatalogs[lang][problem.code]).toBeTruthy();
  });

  it('given a typo like 3000 days, when validating, then it is a problem with its maximum and the default applies', () => {
    const { settings, problems } = validateProcedureSettings([
      { key: 'review', days: 3000, unit: 'calendar', escalateAfterDays: 5 },
      { key: 'decision', days: 366, unit: 'calendar', escalateAfterDays: 367 },
      { key: 'protocolEndReminder', days: 730 },
      { key: 'destructionEscalation', days: 731 }
    ]);
    expect(settings.phases.review).toEqual(defaultProcedureSettings.phases.review);
    expect(settings.phases.decision).toEqual(defaultProcedureSettings.phases.decision);
    expect(settings.protocolEndReminderDays).toBe(730);
    expect(settings.destructionEscalationDays).toBe(defaultProcedureSettings.destructionEscalationDays);
    expect(problems).toEqual([
      { key: 'review', code: 'settings.error.tooLarge', params: { key: 'review', value: '3000', default: defaultProcedureSettings.phases.review.days, max: 366 } },
      { key: 'decision', code: 'settings.error.tooLarge', params: { key: 'decision', value: '367', default: defaultProcedureSettings.phases.decision.escalateAfterDays, max: 366 } },
      { key: 'destructionEscalation', code: 'settings.error.tooLarge', params: { key: 'destructionEscalation', value: '731', default: defaultProcedureSettings.destructionEscalationDays, max: 730 } }
    ]);
    expect(messageCatalogs.en['settings.error.tooLarge']).toContain('{max}');
    expect(messageCatalogs.nl['settings.error.tooLarge']).toContain('{max}');
  });

  it('given the phase table, when looking up states and sides, then it follows the procedure', () => {
    expect(phaseOfState('underReview')).toBe('review');
    expect(phaseOfState('awaitingDecision')).toBe('decision');
    expect(phaseOfState('signed')).toBe('publication');
    expect(phaseOfState('published')).toBe('delivery');
    for (const state of ['delivered', 'rejected', 'notAdmissible', 'withdrawn', 'closed', 'nonsense']) expect(phaseOfState(state)).toBeUndefined();
    expect(phaseIds.filter((phase) => sideOfPhase(phase) === 'requester')).toEqual(['formsRequested', 'returnedForChanges', 'awaitingSignatures']);
  });
});
