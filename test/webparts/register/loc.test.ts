import { eventTypes } from '../../../src/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadLocale } from '../../ui/support/strings';

const keysOf = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => keysOf(inner, `${prefix}${key}.`))
    : [prefix.slice(0, -1)];

describe('web part locales', () => {
  const nl = loadLocale('nl-nl');
  const en = loadLocale('en-us');

  it('nl-NL and en-US hold exactly the same keys', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(nl).sort());
  });

  it('have no empty strings and six step names', () => {
    for (const locale of [nl, en]) {
      for (const key of keysOf(locale)) {
        const value = key.split('.').reduce<unknown>((obj, part) => (obj as Record<string, unknown>)[part], locale);
        if (Array.isArray(value)) expect(value).toHaveLength(6);
        else expect(typeof value === 'string' && value.trim().length > 0).toBe(true);
      }
    }
  });

  it('hold exactly the UI keys the components declare in UiStrings', () => {
    const source = readFileSync(join(__dirname, '../../../src/ui/strings.ts'), 'utf8');
    const declared = [...source.matchAll(/^  readonly (\w+):/gm)].map((match) => match[1]).sort();
    expect(Object.keys(nl.ui).sort()).toEqual(declared);
  });

  it('label every event type of the domain', () => {
    expect(Object.keys(nl.ui.eventLabels).sort()).toEqual([...eventTypes].sort());
  });

  it('are Dutch in nl-NL', () => {
    expect(nl.ui.newDossier).toBe('Nieuw dossier');
    expect(en.ui.newDossier).toBe('New dossier');
  });
});
