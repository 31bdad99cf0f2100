import type { ApiAnswer } from '../../app/api-answer.ts';
import { api } from '../../app/http.ts';
import type { User } from '../../app/session.tsx';

export const authApi = {
  /** Whether single sign-on is on (then only admins may use a password). */
  config: () => api<ApiAnswer<'GET /api/auth/config'>>('GET', '/api/auth/config'),
  me: () => api<{ user: User }>('GET', '/api/auth/me'),
  logIn: (body: { username: string; password: string }) => api<{ user: User }>('POST', '/api/auth/login', body),
  logOut: () => api<ApiAnswer<'POST /api/auth/logout'>>('POST', '/api/auth/logout'),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api<void>('POST', '/api/auth/password', body),
};
