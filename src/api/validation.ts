/**
 * Request validation (issue 10): bodies are validated strictly — no type coercion (`"12"` is not a
 * number, `null` is not 0), and an object refuses properties its schema does not name; path and query
 * parameters, which arrive as text, may be coerced to the schema's types.
 */
import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const common: Options = { useDefaults: true, removeAdditional: false, allErrors: false };

type SchemaNode = Record<string, unknown>;

/** A copy of `schema` in which every object without `additionalProperties` refuses unnamed properties (not inside allOf). */
export function closeObjects(schema: unknown, insideAllOf = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => closeObjects(s, insideAllOf));
  if (schema === null || typeof schema !== 'object') return schema;
  const node = schema as SchemaNode;
  const copy: SchemaNode = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] =
      key === 'allOf'
        ? closeObjects(value, true)
        : key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions'
          ? closeEach(value)
          : closeObjects(value, false);
  }
  if (node.type === 'object' && node.properties !== undefined && node.additionalProperties === undefined && !insideAllOf)
    copy.additionalProperties = false;
  return copy;
}

function closeEach(properties: unknown): unknown {
  if (properties === null || typeof properties !== 'object') return properties;
  return Object.fromEntries(Object.entries(properties as SchemaNode).map(([k, v]) => [k, closeObjects(v, false)]));
}

/** A multipart form's documentation: no type, a property that is a binary file. */
function isUploadForm(schema: unknown): boolean {
  const node = schema as SchemaNode;
  const properties = (node.properties ?? {}) as Record<string, SchemaNode>;
  return node.type === undefined && Object.values(properties).some((p) => p.format === 'binary');
}

export function registerValidation(app: FastifyInstance): void {
  const bodies = addFormats(new Ajv({ ...common, coerceTypes: false }));
  const parameters = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => {
    // A multipart upload's schema (file-bodies.schemas.ts) documents the form; the route streams the file.
    if (httpPart === 'body' && isUploadForm(schema)) return () => true;
    if (httpPart === 'body') return bodies.compile(closeObjects(schema) as object);
    const validate = parameters.compile(schema);
    const integers = integerPropertiesOf(schema);
    if (integers.length === 0) return validate;
    // Coercion would read "1e3" as 1000 and " 7" as 7: an integer parameter must be written in digits.
    // Fastify reads a `false` answer's errors from the function itself, so the wrapper carries ajv's
    // errors: without them a refused parameter (an unknown sort, page=0) passed as valid.
    const checkDigits = Object.assign(
      (data: unknown) => {
        const values = (data ?? {}) as Record<string, unknown>;
        for (const key of integers) {
          const value = values[key];
          if (typeof value === 'string' && !/^-?[0-9]{1,20}$/.test(value)) {
            return {
              error: Object.assign(new Error(`${key} must be an integer written in digits`), {
                validation: [{ instancePath: `/${key}`, keyword: 'type', message: 'must be an integer', params: {} }],
              }),
            };
          }
        }
        const valid = validate(data);
        checkDigits.errors = validate.errors;
        return valid;
      },
      { errors: null as typeof validate.errors },
    );
    return checkDigits;
  });
}

function integerPropertiesOf(schema: unknown): string[] {
  const properties = (schema as { properties?: Record<string, { type?: unknown }> } | null)?.properties ?? {};
  return Object.entries(properties)
    .filter(([, property]) => property.type === 'integer')
    .map(([key]) => key);
}
