import { api, uploadFileWithProgress } from '../../app/http.ts';
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
  progress: { lines: number; stagedSpells: number; phase: 'reading' | 'merging' | 'done'; percent: number } | null;
  fileName: string | null;
  inputBytes: number | null;
  createdAt: string;
  finishedAt: string | null;
};
export type ImportHistoryRow = {
  id: number;
  kind: string;
  status: 'running' | 'done' | 'failed';
  counts: Record<string, number>;
  fileName: string | null;
  inputBytes: number | null;
  createdAt: string;
  finishedAt: string | null;
  createdByName: string | null;
  errorCount: number;
  warningCount: number;
};

export const registerImportApi = {
  mappings: () => api<{ mappings: RegisterMapping[] }>('GET', '/api/mappings'),
  start: (input: { file: File; layout: 'long' | 'wide'; mapping: string }, onUploadProgress: (percent: number) => void) =>
    uploadFileWithProgress<{ id: number }>(
      `/api/imports/register?layout=${input.layout}&mapping=${encodeURIComponent(input.mapping)}`,
      input.file,
      onUploadProgress,
    ),
  history: (page: number) =>
    api<{ imports: ImportHistoryRow[]; total: number; page: number; pageSize: number }>('GET', `/api/imports?page=${page}`),
  get: (id: number) => api<RegisterImport>('GET', `/api/imports/${id}`),
};
