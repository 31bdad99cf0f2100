/**
 * The type of a route's success answer, derived from the one contract: the JSON Schemas the test suite
 * checks every answer against (api/response-schemas.generated.ts), so a field the server stops sending
 * fails the web's typecheck instead of showing `undefined`. Type-only: nothing of the server is bundled.
 * The schemas are inferred from recorded answers, so enums are plain strings and a field that was null in
 * every answer is `unknown`; an api-client narrows those where the screen needs it.
 */
import type { XStatic } from 'typebox/schema';
import type { generatedResponseSchemas } from '../../api/response-schemas.generated.ts';

type Schemas = typeof generatedResponseSchemas;

/** OpenAPI 3.0's `nullable: true` as JSON Schema's `anyOf [schema, null]`, which XStatic understands. */
type WithNulls<S> = S extends { readonly nullable: true }
  ? { anyOf: [WithNulls<Omit<S, 'nullable'>>, { type: 'null' }] }
  : S extends readonly unknown[]
    ? S
    : S extends object
      ? { [K in keyof S]: WithNulls<S[K]> }
      : S;

/** The answer of `METHOD /api/path/:param` (Fastify's route) with `status` (default 200). */
export type ApiAnswer<Route extends keyof Schemas, Status extends keyof Schemas[Route] = '200' & keyof Schemas[Route]> =
  WithNulls<Schemas[Route][Status]> extends infer Schema ? XStatic<Schema> : never;
