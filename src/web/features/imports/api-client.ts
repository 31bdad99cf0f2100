import { api, uploadFile } from '../../app/http.ts';
import type { ImportLineErrorAnswer } from './line-error-text.ts';

export type RegisterMapping = { id: number; key: string | null; name: string; verified: boolean; sourceNote: string; codeCount: number };
export type RegisterImport = {
  id: number;
  kind: string;
  status: 'running' | 'done' | 'failed';
  counts: { lines?: number; weeks?: number; spells?: number; citizens?: number; unknownCitizens?: number; badLines?: number };
  errors: ImportLineErrorAnswer[];
  warnings: string[];
  linesRead: number | null;
  progress: { lines: number; stagedSpells: number; phase: 'reading' | 'merging' | 'done' } | null;
};

export const registerImportApi = {
  mappings: () => api<{ mappings: RegisterMapping[] }>('GET', '/api/mappings'),
  start: (input: { file: File; layout: 'long' | 'wide'; mapping: string }) =>
    uploadFile<{ id: number }>(`/api/imports/register?layout=${input.layout}&mapping=${encodeURIComponent(input.mapping)}`, input.file),
  get: (id: number) => api<RegisterImport>('GET', `/api/imports/${id}`),
};
