import { compactSurveys, surveyNameOf, waveLabelOf, waveMatches } from '../../src/domain/surveys';

describe('survey waves in the register', () => {
  it('splits a wave into its survey and its wave', () => {
    expect([surveyNameOf('SV-bevraging 2023-1'), waveLabelOf('SV-bevraging 2023-1')]).toEqual(['SV-bevraging', '2023-1']);
    expect([surveyNameOf('COVID-19-bevraging golf 3'), waveLabelOf('COVID-19-bevraging golf 3')]).toEqual(['COVID-19-bevraging', 'golf 3']);
    expect([surveyNameOf('SCV-survey 2016'), waveLabelOf('SCV-survey 2016')]).toEqual(['SCV-survey', '2016']);
  });

  it('matches a whole survey or one wave, never a part of a name', () => {
    expect(waveMatches('SV-bevraging 2023-1', 'sv-bevraging')).toBe(true);
    expect(waveMatches('SV-bevraging 2023-1', 'SV-bevraging 2023-1')).toBe(true);
    expect(waveMatches('SV-bevraging 2023-1', 'SV-bevraging 2023-2')).toBe(false);
    expect(waveMatches('SCV-survey 2016', 'SCV')).toBe(false);
    expect(waveMatches('COVID-19-bevraging golf 1', 'COVID-19-bevraging golf 1')).toBe(true);
    expect(waveMatches('SCV-survey 2016', ' ')).toBe(false);
  });

  it('shows the waves compactly per survey, a range with a count beyond three', () => {
    expect(compactSurveys(['SV-bevraging 2023-1', 'SV-bevraging 2023-2'], 'nl')).toBe('SV-bevraging 2023-1, 2023-2');
    expect(compactSurveys(['COVID-19-bevraging golf 3', 'COVID-19-bevraging golf 4', 'SV-bevraging 2024-1'], 'nl')).toBe('COVID-19-bevraging golf 3, 4; SV-bevraging 2024-1');
    const covid = [1, 2, 3, 4].map((n) => `COVID-19-bevraging golf ${n}`);
    expect(compactSurveys(covid, 'nl')).toBe('COVID-19-bevraging golf 1–4 (4 golven)');
    expect(compactSurveys(['SCV-survey 2010', 'SCV-survey 2011', 'SCV-survey 2012', 'SCV-survey 2013'], 'en')).toBe('SCV-survey 2010–2013 (4 waves)');
    expect(compactSurveys([], 'nl')).toBe('');
  });
});
