/**
 * The success answers of every route (issue 10: the OpenAPI document describes every response): JSON
 * bodies from response-schemas.generated.ts (inferred from the test suite's answers and checked against
 * every answer in npm test), files as binary bodies of their media type.
 */
import { generatedResponseSchemas } from './response-schemas.generated.ts';

/** The generated schemas by route and status, looked up by the route Fastify names at run time. */
const schemasByRoute: Record<string, Record<string, Record<string, unknown>> | undefined> = generatedResponseSchemas;

const fileTypes: [suffix: RegExp, mediaType: string][] = [
  [/\.pdf$/, 'application/pdf'],
  [/\.xlsx$/, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  [/\.csv$/, 'text/csv'],
];

const descriptions: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted: runs in the background',
  '204': 'No content',
};

/** The documented 2xx answers of `METHOD url` (Fastify's URL), keyed by status. */
export function successResponsesOf(route: string): Record<string, unknown> {
  const url = route.slice(route.indexOf(' ') + 1);
  const file = fileTypes.find(([suffix]) => suffix.test(url));
  if (file) {
    return { 200: { description: 'The file', content: { [file[1]]: { schema: { type: 'string', format: 'binary' } } } } };
  }
  const byStatus = schemasByRoute[route] ?? {};
  return Object.fromEntries(
    Object.entries(byStatus).map(([status, schema]) => [
      status,
      status === '204' ? { description: descriptions[status] } : { description: descriptions[status] ?? 'Success', ...schema },
    ]),
  );
}

/** The JSON Schema of a 2xx JSON answer, or null when the route documents none for that status. */
export function successSchemaOf(route: string, status: number): Record<string, unknown> | null {
  return status === 204 ? null : (schemasByRoute[route]?.[String(status)] ?? null);
}
