/**
 * Keeps the picture in ARCHITECTURE.md true: each layer imports only the layers it may. Reads the
 * import specifiers of every source file (tests included) and fails on a forbidden direction.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

const allowed: Record<string, string[]> = {
  domain: ['domain'],
  analytics: ['analytics'],
  documents: ['documents', 'domain'],
  db: ['db', 'domain', 'errors.ts', 'config.ts'],
  'use-cases': ['use-cases', 'domain', 'db', 'documents', 'analytics', 'errors.ts', 'config.ts'],
  api: ['api', 'use-cases', 'domain', 'db', 'errors.ts', 'config.ts'],
  cli: ['cli', 'use-cases', 'domain', 'db', 'analytics', 'errors.ts', 'config.ts', 'open-database.ts'],
  web: ['web'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function layerOf(path: string): string {
  return relative(srcDir, path).split('/')[0]!;
}

describe('import directions', () => {
  it('every layer imports only what ARCHITECTURE.md allows', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const layer = layerOf(file);
      const rules = allowed[layer];
      if (!rules) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
        const target = resolve(dirname(file), match[1]!);
        const targetLayer = layerOf(target);
        // api test harness may build the app from the db layer; web may import api *.schemas.ts types.
        if (layer === 'web' && targetLayer === 'api' && target.endsWith('.schemas.ts')) continue;
        // A test may use any layer's test harness (test-app.ts, test-database.ts, test-pdf-text.ts).
        if (file.endsWith('.test.ts') && /\/test-[^/]+\.ts$/.test(target)) continue;
        if (!rules.includes(targetLayer)) violations.push(`${relative(srcDir, file)} → ${relative(srcDir, target)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('use cases check roles through requirePermission (domain/access-policy.ts), never through their own role lists', () => {
    const offenders = sourceFiles(join(srcDir, 'use-cases'))
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) => /\[\s*'(caseworker|mentor|coordinator|manager|admin)'[^\]]*\]\s*(as [^)]*\))?\.includes\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(srcDir, file));
    expect(offenders).toEqual([]);
  });
});
