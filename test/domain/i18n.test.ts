import { defineCatalog, interpolate, isLang, languageOf, placeholdersOf } from '../../src/domain/i18n';
import { formatText } from '../../src/ui/shared/format';

describe('languageOf: the one language detector', () => {
  it.each([
    ['en-US', 'en'], ['EN-gb', 'en'], ['en', 'en'], [' en-US ', 'en'],
    ['nl-NL', 'nl'], ['nl-BE', 'nl'], ['fr-BE', 'nl'], ['', 'nl'], [undefined, 'nl'], [null, 'nl']
  ])('%s → %s (Dutch unless English)', (culture, lang) => {
    expect(languageOf(culture)).toBe(lang);
  });

  it('isLang accepts exactly nl and en (for strict flags)', () => {
    expect([isLang('nl'), isLang('en'), isLang('en-US'), isLang('NL'), isLang(undefined)]).toEqual([true, true, false, false, false]);
  });
});

describe('interpolate: the one interpolation', () => {
  it('fills named placeholders, numbers too, and leaves unknown ones visible', () => {
    expect(interpolate('Dossier {reference}: {count} stuks, {missing}', { reference: 'VSA-2026-0001', count: 3 })).toBe('Dossier VSA-2026-0001: 3 stuks, {missing}');
  });

  it('does not treat a value as a template (no double substitution)', () => {
    expect(interpolate('{a} {b}', { a: '{b}', b: 'x' })).toBe('{b} x');
  });

  it('is what the UI calls formatText', () => {
    expect(formatText).toBe(interpolate);
  });

  it('lists the placeholders of a template', () => {
    expect(placeholdersOf('{b} {a} {b} {?c}')).toEqual(['a', 'b']);
  });

  it('defineCatalog keeps both languages as given', () => {
    const catalog = defineCatalog({ hello: 'Dag {name}' }, { hello: 'Hello {name}' });
    expect(interpolate(catalog.en.hello, { name: 'An' })).toBe('Hello An');
    expect(catalog.nl.hello).toBe('Dag {name}');
  });
});
