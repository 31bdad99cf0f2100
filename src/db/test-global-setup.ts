/**
 * vitest globalSetup: builds (or finds) the migrated template once per run and hands it to every test
 * file (src/db/test-database.ts reads it with `inject`).
 */
import type { TestProject } from 'vitest/node';
import { testDatabaseUrl } from '../config.ts';
import { ensureTestTemplate } from './test-template.ts';

export default async function setup(project: TestProject): Promise<void> {
  project.provide('mentorsporTestTemplate', await ensureTestTemplate(testDatabaseUrl()));
}
