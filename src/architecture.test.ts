/**
 * Keeps the picture in ARCHITECTURE.md true: each layer imports only the layers and packages it may.
 * Reads every import and export specifier (single or double quotes, static, side-effect and dynamic) of
 * every source file, tests and the root files included, and fails on a forbidden direction.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = dirname(fileURLToPath(import.meta.url));

/** Source layers (a folder of src/, or a root file) each layer may import. */
const allowed: Record<string, string[]> = {
  domain: ['domain'],
  analytics: ['analytics'],
  documents: ['documents', 'domain'],
  db: ['db', 'domain', 'errors.ts', 'config.ts'],
  'use-cases': ['use-cases', 'domain', 'db', 'documents', 'analytics', 'errors.ts', 'config.ts'],
  demo: ['demo', 'use-cases', 'domain', 'db'],
  api: ['api', 'use-cases', 'domain', 'errors.ts', 'config.ts'],
  cli: ['cli', 'use-cases', 'domain', 'db', 'analytics', 'errors.ts', 'config.ts', 'open-database.ts'],
  web: ['web', 'domain'],
  'errors.ts': [],
  'config.ts': ['errors.ts'],
  'open-database.ts': ['db'],
  'start-mentorspor.ts': ['api', 'db', 'demo', 'use-cases', 'open-database.ts', 'errors.ts', 'config.ts'],
  'server.ts': ['start-mentorspor.ts', 'config.ts', 'errors.ts'],
  'architecture.test.ts': [],
};

/** Packages (npm or node:) a layer may import: pure layers none, the browser no server or Node packages. */
function packageAllowed(layer: string, specifier: string, file: string): boolean {
  if (file.endsWith('.test.ts') && (specifier === 'vitest' || specifier.startsWith('node:'))) return true;
  if (layer === 'domain' || layer === 'analytics') return false;
  if (layer === 'web')
    return ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'typebox', 'typebox/schema'].includes(specifier);
  return true;
}

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

/** Every module specifier in a file, with whether it is a type-only import. */
function importsOf(text: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const patterns = [
    /(?:^|[\s;])(import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?(['"])([^'"\n]+)\3/g,
    /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  ];
  for (const match of text.matchAll(patterns[0]!)) found.push({ specifier: match[4]!, typeOnly: Boolean(match[2]) });
  for (const match of text.matchAll(patterns[1]!)) found.push({ specifier: match[2]!, typeOnly: false });
  return found;
}

describe('import directions', () => {
  it('every layer imports only the layers and packages ARCHITECTURE.md allows', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(srcDir)) {
      const layer = layerOf(file);
      const rules = allowed[layer];
      if (!rules) {
        violations.push(`${relative(srcDir, file)}: not in a known layer`);
        continue;
      }
      const isTestHarness = file.endsWith('.test.ts') || /\/test-[^/]+\.ts$/.test(file);
      for (const { specifier, typeOnly } of importsOf(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) {
          if (!packageAllowed(layer, specifier, file)) violations.push(`${relative(srcDir, file)} → package ${specifier}`);
          continue;
        }
        const target = resolve(dirname(file), specifier);
        const targetLayer = layerOf(target);
        // web may import the API's *.schemas.ts (the shared request/response types).
        if (layer === 'web' && targetLayer === 'api' && target.endsWith('.schemas.ts')) continue;
        // web derives its answer types from the generated response schemas (web/app/api-answer.ts), types only.
        if (layer === 'web' && typeOnly && target.endsWith('/api/response-schemas.generated.ts')) continue;
        // A test may use any layer's test harness (test-app.ts, test-database.ts, test-pdf-text.ts).
        if (file.endsWith('.test.ts') && /\/test-[^/]+\.ts$/.test(target)) continue;
        // The API names the Database type it hands to use cases; only test harnesses touch db at run time.
        if (layer === 'api' && targetLayer === 'db' && (typeOnly || isTestHarness)) continue;
        if (!rules.includes(targetLayer)) violations.push(`${relative(srcDir, file)} → ${relative(srcDir, target)}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('finds imports in every form it checks', () => {
    const text = `import a from "x";\nimport type { B } from '../db/b.ts';\nexport { c } from './c.ts';\nimport './side.ts';\nconst d = await import("node:fs");`;
    expect(importsOf(text)).toEqual([
      { specifier: 'x', typeOnly: false },
      { specifier: '../db/b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: false },
      { specifier: './side.ts', typeOnly: false },
      { specifier: 'node:fs', typeOnly: false },
    ]);
  });

  it("the web calls the API only through its features' api-clients (app/http.ts underneath), never inline in a component", () => {
    const offenders = sourceFiles(join(srcDir, 'web'))
      .filter((file) => !file.endsWith('/api-client.ts') && !file.endsWith('/app/http.ts'))
      .filter((file) => {
        const text = readFileSync(file, 'utf8');
        return /import\s*{[^}]*\b(api|uploadFile)\b[^}]*}\s*from\s*['"][^'"]*\/http\.ts['"]/.test(text) || /\bfetch\(/.test(text);
      })
      .map((file) => relative(srcDir, file));
    expect(offenders).toEqual([]);
  });

  it('use cases check roles through requirePermission (domain/access-policy.ts), never through their own role lists', () => {
    const offenders = sourceFiles(join(srcDir, 'use-cases'))
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) =>
        /\[\s*'(caseworker|mentor|coordinator|manager|admin)'[^\]]*\]\s*(as [^)]*\))?\.includes\(/.test(readFileSync(file, 'utf8')),
      )
      .map((file) => relative(srcDir, file));
    expect(offenders).toEqual([]);
  });

  it('pages and documents format dates and numbers through domain/danish-format.ts, never with a locale of their own', () => {
    const offenders = [...sourceFiles(join(srcDir, 'web')), ...sourceFiles(join(srcDir, 'documents'))]
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) => /toLocale(Date|Time)?String\(\s*'da-DK'|toISOString\(\)\.slice/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(srcDir, file));
    expect(offenders).toEqual([]);
  });
});
