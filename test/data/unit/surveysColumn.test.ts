import { projectionFields, registerRowFromItem } from '../../../src/data/sharepoint/itemMapping';
import { decodeSurveys, encodeSurveys } from '../../../src/data/sharepoint/surveysColumn';
import { DossierColumn } from '../../../src/data/schema';
import { REGISTER_SELECT, buildRegisterQuery } from '../../../src/data/sharepoint/registerQuery';
import { replay } from '../../../src/domain';
import type { Dossier } from '../../../src/domain/types';
import { eventsIn } from '../../domain/support/paths';

describe('the Surveys column', () => {
  it('joins the waves with ";" and splits them back; nothing clears it', () => {
    expect(encodeSurveys(['SV-bevraging 2023-1', 'COVID-19-bevraging golf 3'])).toBe('SV-bevraging 2023-1;COVID-19-bevraging golf 3');
    expect(decodeSurveys('SV-bevraging 2023-1;COVID-19-bevraging golf 3')).toEqual(['SV-bevraging 2023-1', 'COVID-19-bevraging golf 3']);
    expect(encodeSurveys([])).toBeNull();
    expect(encodeSurveys(undefined)).toBeNull();
    expect(decodeSurveys(null)).toEqual([]);
    expect(decodeSurveys(' ; ')).toEqual([]);
  });

  it('is written by the projection with the variable count and read into the register row; old items read without them', () => {
    const base = replay(eventsIn('underReview')) as Dossier;
    const dossier: Dossier = { ...base, requestedData: { surveys: ['SV-bevraging 2025-1', 'SV-bevraging 2025-2'], variablesCount: 8 } };
    const fields = projectionFields({ dossier, eventCount: 4, pendingEvents: [] });
    expect([fields[DossierColumn.Surveys], fields[DossierColumn.VariableCount]]).toEqual(['SV-bevraging 2025-1;SV-bevraging 2025-2', 8]);
    expect(projectionFields({ dossier: { ...base, requestedData: undefined }, eventCount: 4, pendingEvents: [] })[DossierColumn.VariableCount]).toBeNull();
    const row = registerRowFromItem({ ...fields, Id: 3 });
    expect([row.surveys, row.variableCount]).toEqual([['SV-bevraging 2025-1', 'SV-bevraging 2025-2'], 8]);
    const { [DossierColumn.Surveys]: _s, [DossierColumn.VariableCount]: _v, ...old } = fields;
    const legacy = registerRowFromItem({ ...old, Id: 4 });
    expect('surveys' in legacy || 'variableCount' in legacy).toBe(false);
    expect(registerRowFromItem({ ...fields, Id: 5, [DossierColumn.VariableCount]: 'x' }).variableCount).toBeUndefined();
  });

  it('is selected by the register, never filtered or sorted on server-side', () => {
    expect(REGISTER_SELECT).toEqual(expect.arrayContaining([DossierColumn.Surveys, DossierColumn.VariableCount]));
    expect(buildRegisterQuery({ states: ['underReview'] }).usedColumns).not.toContain(DossierColumn.Surveys);
  });
});
