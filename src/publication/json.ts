import type { PublicRegister } from './types';

/** Identifier of the JSON format; bump the version when a field changes meaning. */
export const registerJsonSchemaId = 'https://statistiekvlaanderen.be/schemas/microdata-protocol-register/1.0.json';

const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const text = { type: 'string' };
const texts = { type: 'array', items: text };
const agreementProperties = {
  number: { type: 'string', pattern: '^PROT-\\d{4}-\\d{3,}(/A[1-9]\\d*)?$' },
  institution: text,
  projectTitle: text,
  purposes: texts,
  surveys: texts,
  countersignedOn: date,
  publishedOn: date,
  endDate: date,
  publicationUrl: text
};
const agreementRequired = ['number', 'institution', 'projectTitle', 'purposes', 'surveys', 'publishedOn'];

const addendumSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...agreementRequired, 'reasons'],
  properties: {
    ...agreementProperties,
    reasons: { type: 'array', items: { enum: ['extension', 'addVariables', 'newPurposes', 'identityChange'] } }
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
            required: [...agreementRequired, 'published', 'addenda'],
            properties: {
              ...agreementProperties,
              number: { type: 'string', pattern: '^PROT-\\d{4}-\\d{3,}$' },
              published: { const: true },
              effectiveEndDate: date,
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
