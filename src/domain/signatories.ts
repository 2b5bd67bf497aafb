/**
 * Who signs a form, and in which capacity (`ondertekening.hoedanigheid`,
 * `vertegenwoordiger.hoedanigheid`). One list, one parser: the form checks (mandate), the register
 * (the signatory a command registers) and the command guard all read the same answer.
 */
import type { SignatoryCapacity } from './types';

/** A signatory capacity with its labels and the other spellings a requester types. */
export interface SignatoryCapacityDefinition {
  readonly capacity: SignatoryCapacity;
  readonly labelNl: string;
  readonly labelEn: string;
  /** Other spellings, lower case, that mean this capacity. */
  readonly aliases: readonly string[];
}

/** Every signatory capacity of the VSA forms, in the order the forms list them. */
export const SIGNATORY_CAPACITIES: readonly SignatoryCapacityDefinition[] = [
  { capacity: 'verwerkingsverantwoordelijke', labelNl: 'verwerkingsverantwoordelijke', labelEn: 'controller', aliases: ['controller'] },
  { capacity: 'wettelijk vertegenwoordiger', labelNl: 'wettelijk vertegenwoordiger', labelEn: 'legal representative', aliases: ['legal representative'] },
  {
    capacity: 'gevolmachtigde',
    labelNl: 'gevolmachtigde',
    labelEn: 'authorised delegate',
    aliases: ['authorised delegate', 'authorized delegate', 'volmachthouder']
  }
];

/**
 * Words that show the signatory acts by delegation wherever they stand in the text ("directeur,
 * gedelegeerd door de rector", "bij volmacht"). They win over a capacity named first, because a
 * delegate must add the mandate document: reading such a text as "controller" would skip that check.
 */
const DELEGATION_WORDS = /gevolmachtigd|volmacht|gedelegeerd|delegat/i;

/** True when the value is one of the capacity ids (as a command carries it). */
export function isSignatoryCapacity(value: unknown): value is SignatoryCapacity {
  return SIGNATORY_CAPACITIES.some((definition) => definition.capacity === value);
}

/**
 * The capacity a typed text names: delegation words anywhere make it `gevolmachtigde`; otherwise the
 * text starts with a capacity's id, label or alias (case and surrounding spaces ignored, so
 * "Wettelijk vertegenwoordiger van de KU Leuven" counts). undefined when it names none.
 */
export function parseSignatoryCapacity(text: string): SignatoryCapacity | undefined {
  const normalized = (text ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (normalized.length === 0) return undefined;
  if (DELEGATION_WORDS.test(normalized)) return 'gevolmachtigde';
  const match = SIGNATORY_CAPACITIES.find((definition) =>
    [definition.capacity, definition.labelNl, definition.labelEn, ...definition.aliases].some((spelling) => normalized.startsWith(spelling)));
  return match?.capacity;
}

/** True when the text says the signatory acts by delegation (and so needs a mandate document). */
export function signsByDelegation(text: string): boolean {
  return parseSignatoryCapacity(text) === 'gevolmachtigde';
}
