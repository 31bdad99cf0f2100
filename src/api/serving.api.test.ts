/**
 * Production serving (issue 11): static files compressed and cached by their hashed names, liveness and
 * readiness separate.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../db/test-database.ts';
import { prepareDatabase } from '../use-cases/prepare-database.ts';
import { buildApp } from './app.ts';

describe('serving the built app (issue 11)', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'mentorspor-web-'));
  let db: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      `<!doctype html><html lang="da"><title>Mentorspor</title><script type="module" src="/assets/index-abc123.js"></script></html>`,
    );
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), `export const text = ${JSON.stringify('mentorstøtte '.repeat(500))};\n`);
    db = await openTestDatabase();
    await prepareDatabase(db, { demo: 'never', adminPassword: 'test-password-1', log: () => {}, now: new Date('2026-12-03T10:00:00Z') });
    app = await buildApp({ db, webDir });
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('sends hashed assets compressed and cached for a year, the app shell revalidated', async () => {
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-encoding']).toBe('br');
    expect(asset.rawPayload.length).toBeLessThan(1000);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gzip = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const shell = await app.inject({ method: 'GET', url: '/citizens/12' });
    expect(shell.statusCode).toBe(200);
    expect(shell.body).toContain('<title>Mentorspor</title>');
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('answers liveness without the database and readiness with it', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ ready: true, pendingMigrations: 0 });
    await db.query(`delete from schema_migrations where name = (select max(name) from schema_migrations)`);
    const behind = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(behind.statusCode).toBe(503);
    expect(behind.json()).toMatchObject({ ready: false, pendingMigrations: 1 });
  });
});
