/**
 * Request bodies that are files (issue 10: the OpenAPI document describes the CSV and multipart bodies):
 * a CSV as the raw body (`text/csv`), or a file in the multipart form field `file`, streamed to disk by
 * the route (upload-directory.ts) — so the multipart schema documents it and constrains nothing.
 */
export function csvBody(description: string) {
  return { content: { 'text/csv': { schema: { type: 'string', description } } } };
}

export function csvOrMultipartBody(description: string) {
  return {
    content: {
      'text/csv': { schema: { type: 'string', description } },
      'multipart/form-data': {
        schema: { description: `${description} As the form field "file".`, properties: { file: { type: 'string', format: 'binary' } } },
      },
    },
  };
}
