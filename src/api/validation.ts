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
    copy[key] = key === 'allOf' ? closeObjects(value, true) : key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions' ? closeEach(value) : closeObjects(value, false);
  }
  if (node.type === 'object' && node.properties !== undefined && node.additionalProperties === undefined && !insideAllOf) copy.additionalProperties = false;
  return copy;
}

function closeEach(properties: unknown): unknown {
  if (properties === null || typeof properties !== 'object') return properties;
  return Object.fromEntries(Object.entries(properties as SchemaNode).map(([k, v]) => [k, closeObjects(v, false)]));
}

export function registerValidation(app: FastifyInstance): void {
  const bodies = addFormats(new Ajv({ ...common, coerceTypes: false }));
  const parameters = addFormats(new Ajv({ ...common, coerceTypes: 'array' }));
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodies.compile(closeObjects(schema) as object) : parameters.compile(schema)));
}
