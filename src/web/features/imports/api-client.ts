import { api, ApiError } from '../../app/http.ts';

export type RegisterMapping = { id: number; key: string | null; name: string; verified: boolean; sourceNote: string; codeCount: number };
export type RegisterImport = {
  id: number; kind: string; status: 'running' | 'done' | 'failed';
  counts: { lines?: number; weeks?: number; spells?: number; citizens?: number; unknownCitizens?: number; badLines?: number };
  errors: { line: number; message: string }[]; warnings: string[];
  linesRead: number | null; progress: { lines: number; stagedSpells: number; phase: 'reading' | 'merging' | 'done' } | null;
};

/** The register extract goes as a multipart file upload (the browser streams it; never read into memory here). */
async function postFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(url, { method: 'POST', credentials: 'same-origin', body: form });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = json.error ?? {};
    throw new ApiError(response.status, error.code ?? 'INTERNAL', error.message ?? response.statusText, error.details ?? {});
  }
  return json as T;
}

export const registerImportApi = {
  mappings: () => api<{ mappings: RegisterMapping[] }>('GET', '/api/mappings'),
  start: (input: { file: File; layout: 'long' | 'wide'; mapping: string }) =>
    postFile<{ id: number }>(`/api/imports/register?layout=${input.layout}&mapping=${encodeURIComponent(input.mapping)}`, input.file),
  get: (id: number) => api<RegisterImport>('GET', `/api/imports/${id}`),
};
