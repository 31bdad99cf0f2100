/**
 * Invalid variants of every write operation, generated from the OpenAPI document (issue 10): wrong
 * types, nulls, control characters, huge and non-finite numbers, extra and prototype keys, deep nesting,
 * wrong content types, foreign origins and out-of-range ids. Used by `hostile-fuzz.api.test.ts` (through
 * app.inject) and `bench/fuzz-server.ts` (over HTTP against a running server).
 */
import { Ajv } from 'ajv';

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  nullable?: boolean;
};
type Operation = {
  requestBody?: { content: Record<string, { schema?: Schema }> };
  parameters?: { in: string; name: string; schema?: Schema }[];
};
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

export type FuzzVariant = {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  payload: string;
  label: string;
};

const writeMethods = ['post', 'put', 'patch', 'delete'] as const;

/** A value that satisfies `schema` as far as its shape goes (dates, enums, bounds). */
export function sampleOf(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return sampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(value)]));
    case 'array':
      return schema.minItems && schema.items ? Array.from({ length: schema.minItems }, () => sampleOf(schema.items!)) : [];
    case 'string':
      if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}') || schema.format === 'date') return '2026-12-03';
      if (schema.format === 'date-time') return '2026-12-03T09:30:00Z';
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function wrongTypeOf(schema: Schema): unknown {
  const type = schema.type ?? schema.anyOf?.find((s) => s.type !== 'null')?.type;
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return '12';
    case 'boolean':
      return 'true';
    case 'array':
      return { a: 1 };
    case 'object':
      return [1];
    default:
      return { unexpected: true };
  }
}

function isNumeric(schema: Schema): boolean {
  const type = schema.type ?? schema.anyOf?.find((s) => s.type !== 'null')?.type;
  return type === 'integer' || type === 'number';
}

function isString(schema: Schema): boolean {
  return (schema.type ?? schema.anyOf?.find((s) => s.type !== 'null')?.type) === 'string';
}

function deepNesting(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/**
 * Every variant breaks the published contract: each is checked against the body schema with Ajv
 * (no coercion), and variants that happen to be valid (a `null` where the schema allows it) are dropped.
 */
export function fuzzVariants(doc: OpenApiDocument, options: { origin: string }): FuzzVariant[] {
  const ajv = new Ajv({ strict: false, allErrors: false, coerceTypes: false, validateFormats: false });
  const variants: FuzzVariant[] = [];
  const same = { origin: options.origin };
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const method of writeMethods) {
      const operation = operations[method];
      if (!operation) continue;
      const verb = method.toUpperCase() as FuzzVariant['method'];
      const url =
        path.replace(/\{[^}]+\}/g, '1') +
        (operation.parameters?.some((p) => p.in === 'query' && p.name === 'layout') ? '?layout=long' : '');
      const add = (label: string, payload: string, headers: Record<string, string> = {}, at = url) => {
        // An empty header value means: leave the header out.
        const all = Object.fromEntries(
          Object.entries({ ...same, 'content-type': 'application/json', ...headers }).filter(([, value]) => value !== ''),
        );
        variants.push({ method: verb, url: at, headers: all, payload, label: `${verb} ${path}: ${label}` });
      };
      const jsonSchema = operation.requestBody?.content['application/json']?.schema;
      const csv = operation.requestBody?.content['text/csv'] !== undefined || /\/imports\/|\/mappings$|\/invoices$/.test(path);
      const base = jsonSchema ? sampleOf(jsonSchema) : {};
      const baseText = JSON.stringify(base);

      // Every operation: a foreign or missing origin, a wrong content type, out-of-range ids.
      add('foreign origin', baseText, { origin: 'https://evil.example' });
      add('no origin', baseText, { origin: '' });
      add('text/plain body', 'cpr;name\n0101901234;Mallory', { 'content-type': 'text/plain' });
      add('xml body', '<a/>', { 'content-type': 'application/xml' });
      if (path.includes('{id}')) {
        for (const id of ['2147483648', '0', '-1', 'abc', '1e3', '99999999999999999999'])
          add(`id ${id}`, baseText, {}, path.replace(/\{[^}]+\}/g, id));
      }
      if (csv) {
        add('CSV with a NUL byte', '\u0000cpr;name\n', { 'content-type': 'text/csv' });
        add('CSV with a bell character', 'cpr;name\n0101901234;A\u0007\n', { 'content-type': 'text/csv' });
      }
      if (!jsonSchema) continue;
      const valid = ajv.compile(jsonSchema);
      const breaks = (value: unknown) => !valid(value);
      // The whole body.
      for (const [label, value] of [
        ['array body', []],
        ['string body', 'x'],
        ['null body', null],
        ['number body', 1],
      ] as const) {
        if (breaks(value)) add(label, JSON.stringify(value));
      }
      add('empty body', '');
      add('malformed JSON', '{"a":');
      add('100,000-deep nesting', deepNesting(100_000));
      add('1,000-deep nesting', deepNesting(1_000));
      if (jsonSchema.type === 'object') {
        add('extra property', JSON.stringify({ ...(base as object), unexpectedField: 1 }));
        add('__proto__ key', `{"__proto__":{"polluted":true},${baseText.slice(1)}`.replace(',}', '}'));
        if ((jsonSchema.required ?? []).length > 0) add('missing required properties', '{}');
      }
      // Each property.
      for (const [key, schema] of Object.entries(jsonSchema.properties ?? {})) {
        const withValue = (value: unknown) => ({ ...(base as object), [key]: value });
        const candidates: [string, unknown][] = [
          [`${key} wrong type`, wrongTypeOf(schema)],
          [`${key} null`, null],
        ];
        if (isNumeric(schema)) candidates.push([`${key} 1e308`, 1e308], [`${key} 2^31`, 2 ** 31], [`${key} -1`, -1], [`${key} 1.5`, 1.5]);
        if (isString(schema))
          candidates.push([`${key} NUL`, 'a\u0000b'], [`${key} escape char`, 'a\u001bb'], [`${key} 100 kB`, 'x'.repeat(100_000)]);
        for (const [label, value] of candidates) if (breaks(withValue(value))) add(label, JSON.stringify(withValue(value)));
        if (isNumeric(schema)) {
          // Not JSON numbers a strict parser accepts: written into the text directly.
          for (const raw of ['1e999', '-1e999', 'NaN', 'Infinity'])
            add(`${key} ${raw}`, JSON.stringify(withValue('__RAW__')).replace('"__RAW__"', raw));
          add(`${key} "Infinity"`, JSON.stringify(withValue('Infinity')));
        }
        const nested = schema.type === 'object' ? schema : schema.type === 'array' && schema.items?.type === 'object' ? schema.items : null;
        if (nested) {
          for (const [inner, innerSchema] of Object.entries(nested.properties ?? {})) {
            const sample = sampleOf(nested) as Record<string, unknown>;
            const bad = { ...sample, [inner]: wrongTypeOf(innerSchema) };
            const value = withValue(schema.type === 'array' ? [bad] : bad);
            if (breaks(value)) add(`${key}.${inner} wrong type`, JSON.stringify(value));
          }
        }
      }
    }
  }
  return variants;
}
