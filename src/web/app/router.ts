import { useEffect, useState } from 'react';

/** A tiny hash router: '#/citizens/3?x=1' → { path: '/citizens/3', query }. */
export type Route = { path: string; query: URLSearchParams };

function current(): Route {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  return { path: path || '/', query: new URLSearchParams(search ?? '') };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const onChange = () => setRoute(current());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function navigate(path: string): void {
  window.location.hash = path;
}

/** Matches '/citizens/:id' against a path; returns the params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i += 1) {
    if (p[i]!.startsWith(':')) params[p[i]!.slice(1)] = decodeURIComponent(s[i]!);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}
