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

/** A file as a multipart upload (field `file`): the browser streams it; it is never read into memory here. */
export async function uploadFile<T>(url: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return send<T>(url, { method: 'POST', body: form });
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
