import type { PublicRegister } from './types';

/**
 * Identifier of the JSON format; bump the version when a field changes meaning, or when fields are
 * added (the schema refuses unknown fields, so a 1.0 validator refuses a 1.1 file). 1.1: research
 * type, the scope in force per protocol, what each addendum changed. 1.2: `publicConditions`, the
 * conditions of the approval that name no one (text, category, owner, due date), on every protocol and addendum.
 * 1.3 (issue 16): `revokedOn`, the date a protocol was revoked, on the protocol and each of its addenda.
 */
export const registerJsonSchemaId = 'https://statistiekvlaanderen.be/schemas/microdata-protocol-register/1.3.json';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const text = { type: 'string' };
const texts = { type: 'array', items: text };
const instrumentPattern = '^PROT-\\d{4}-\\d{3,}(/A[1-9]\\d*)?$';
const enterpriseNumber = { type: 'string', pattern: '^[01]\\d{9}$' };
const institutionProperties = { name: text, enterpriseNumber };
const institutionSchema = { type: 'object', additionalProperties: false, required: ['name'], properties: institutionProperties };
/** An item of the scope in force: the instrument that brought it and the date it was countersigned. */
const scoped = (required: readonly string[], properties: Record<string, unknown>): Record<string, unknown> => ({
  type: 'object',
  additionalProperties: false,
  required: [...required, 'instrument'],
  properties: { ...properties, instrument: { type: 'string', pattern: instrumentPattern }, since: date }
});
/** The scope in force of a protocol after its published addenda (variable names, no justifications). */
const scopeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['variables', 'purposes', 'surveys'],
  properties: {
    variables: { type: 'array', items: scoped(['name'], { name: text }) },
    purposes: { type: 'array', items: scoped(['text'], { text, extends: texts }) },
    surveys: { type: 'array', items: scoped(['wave'], { wave: text }) },
    institution: scoped(['name'], institutionProperties),
    endDate: scoped(['endDate'], { endDate: date })
  }
};
/** What an addendum changed; `from` is absent when the value before it is not on the register. */
const changesSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['addedVariables', 'addedPurposes', 'addedSurveys'],
  properties: {
    addedVariables: texts,
    addedPurposes: texts,
    addedSurveys: texts,
    endDate: { type: 'object', additionalProperties: false, required: ['to'], properties: { from: date, to: date } },
    institution: { type: 'object', additionalProperties: false, required: ['to'], properties: { from: institutionSchema, to: institutionSchema } }
  }
};
/** A condition of the approval that names no one (personal conditions never reach the register). */
const conditionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'category', 'owner'],
  properties: {
    text,
    category: { enum: ['publication', 'retention', 'linking', 'security', 'variables', 'other'] },
    owner: { enum: ['requester', 'vsa'] },
    dueDate: date
  }
};
const agreementProperties = {
  number: { type: 'string', pattern: instrumentPattern },
  institution: text,
  projectTitle: text,
  purposes: texts,
  surveys: texts,
  researchType: { enum: ['statistisch', 'beleidsvoorbereidend', 'wetenschappelijk'] },
  countersignedOn: date,
  publishedOn: date,
  endDate: date,
  publicationUrl: text,
  publicConditions: { type: 'array', items: conditionSchema },
  revokedOn: date
};
const agreementRequired = ['number', 'institution', 'projectTitle', 'purposes', 'surveys', 'publishedOn', 'publicConditions'];

const addendumSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...agreementRequired, 'reasons', 'changes'],
  properties: {
    ...agreementProperties,
    reasons: { type: 'array', items: { enum: ['extension', 'addVariables', 'newPurposes', 'identityChange'] } },
    changes: changesSchema
  }
};

/** JSON Schema (draft-07) of `registerToJson`'s output; published next to the file. */
export const registerJsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: registerJsonSchemaId,
  title: 'Register of protocols for the communication of microdata (Statistiek Vlaanderen)',
  type: 'object',
  additionalProperties: false,
  required: ['$schema', 'generatedAt', 'protocols'],
  properties: {
    $schema: { const: registerJsonSchemaId },
    generatedAt: { type: 'string', format: 'date-time' },
    protocols: {
      type: 'array',
      items: {
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: [...agreementRequired, 'published', 'scope', 'addenda'],
            properties: {
              ...agreementProperties,
              number: { type: 'string', pattern: '^PROT-\\d{4}-\\d{3,}$' },
              published: { const: true },
              effectiveEndDate: date,
              scope: scopeSchema,
              addenda: { type: 'array', items: addendumSchema }
            }
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['number', 'published', 'addenda'],
            properties: {
              number: { type: 'string', pattern: '^PROT-\\d{4}-\\d{3,}$' },
              published: { const: false },
              effectiveEndDate: date,
              revokedOn: date,
              addenda: { type: 'array', items: addendumSchema, minItems: 1 }
            }
          }
        ]
      }
    }
  }
} as const;

/** The register as JSON text (pretty-printed, with its schema id). */
export function registerToJson(register: PublicRegister): string {
  return `${JSON.stringify({ $schema: registerJsonSchemaId, generatedAt: register.generatedAt, protocols: register.protocols }, null, 2)}\n`;
}
