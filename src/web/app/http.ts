/** Fetch wrapper: JSON in and out, the session cookie, and errors as ApiError with the server's code. */
export type Finding = { rule: string; severity: 'error' | 'warning'; message: string; source: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(status: number, code: string, message: string, details: Record<string, unknown>) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
  get findings(): Finding[] {
    return (this.details.findings as Finding[] | undefined) ?? [];
  }
}

export async function api<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  return send<T>(url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A CSV text as the request body (text/csv), for the routes that read a CSV file whole (e.g. an invoice). */
export async function postCsv<T>(url: string, csv: string): Promise<T> {
  return send<T>(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
}

/** A file as a multipart upload (field `file`): the browser streams it; it is never read into memory here. */
export async function uploadFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return send<T>(url, { method: 'POST', body: form });
}

/**
 * A file as a multipart upload through XMLHttpRequest, whose upload events (unlike fetch's) report the
 * bytes sent: `onProgress` gets 0–100.
 */
export function uploadFileWithProgress<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.floor((event.loaded / event.total) * 100));
    });
    request.addEventListener('load', () => {
      const json = ((): { error?: { code?: string; message?: string; details?: Record<string, unknown> } } => {
        try {
          return request.responseText ? JSON.parse(request.responseText) : {};
        } catch {
          return {};
        }
      })();
      if (request.status >= 200 && request.status < 300) {
        onProgress(100);
        resolve(json as T);
      } else {
        const error = json.error ?? {};
        reject(new ApiError(request.status, error.code ?? 'INTERNAL', error.message ?? request.statusText, error.details ?? {}));
      }
    });
    request.addEventListener('error', () => reject(new ApiError(0, 'NETWORK', 'The upload failed', {})));
    request.addEventListener('abort', () => reject(new ApiError(0, 'NETWORK', 'The upload was aborted', {})));
    request.send(form);
  });
}

async function send<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, credentials: 'same-origin' });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const error = json.error ?? {};
    throw new ApiError(response.status, error.code ?? 'INTERNAL', error.message ?? response.statusText, error.details ?? {});
  }
  return json as T;
}
