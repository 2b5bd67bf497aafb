import { SIGNATORY_CAPACITIES, isSignatoryCapacity, parseSignatoryCapacity, signsByDelegation } from '../../src/domain';
import { getFieldDef } from '../../src/forms';

describe('signatory capacities', () => {
  it('lists the three capacities once', () => {
    expect(SIGNATORY_CAPACITIES.map((d) => d.capacity)).toEqual(['verwerkingsverantwoordelijke', 'wettelijk vertegenwoordiger', 'gevolmachtigde']);
  });

  it('is the list the forms catalog offers for the signatory capacity', () => {
    const allowed = getFieldDef('vertegenwoordiger.hoedanigheid')?.allowedValues?.map((v) => v.value);
    expect(allowed).toEqual(SIGNATORY_CAPACITIES.map((d) => d.capacity));
  });

  it('recognises the ids only as command values', () => {
    expect(isSignatoryCapacity('gevolmachtigde')).toBe(true);
    expect(isSignatoryCapacity('Gevolmachtigde')).toBe(false);
    expect(isSignatoryCapacity(undefined)).toBe(false);
  });

  it.each([
    ['verwerkingsverantwoordelijke', 'verwerkingsverantwoordelijke'],
    ['  Wettelijk   vertegenwoordiger van de KU Leuven', 'wettelijk vertegenwoordiger'],
    ['Legal representative', 'wettelijk vertegenwoordiger'],
    ['controller', 'verwerkingsverantwoordelijke'],
    ['gevolmachtigde', 'gevolmachtigde'],
    ['Volmachthouder', 'gevolmachtigde'],
    ['authorized delegate', 'gevolmachtigde'],
    ['directeur, gedelegeerd door de rector', 'gevolmachtigde'],
    ['verwerkingsverantwoordelijke bij volmacht', 'gevolmachtigde']
  ])('reads %j as %s', (text, capacity) => {
    expect(parseSignatoryCapacity(text)).toBe(capacity);
  });

  it.each(['', '   ', 'directeur', 'de verwerkingsverantwoordelijke'])('reads %j as no capacity', (text) => {
    expect(parseSignatoryCapacity(text)).toBeUndefined();
  });

  it('says when a signatory acts by delegation', () => {
    expect(signsByDelegation('Gevolmachtigde')).toBe(true);
    expect(signsByDelegation('wettelijk vertegenwoordiger')).toBe(false);
  });
});
