import { expect } from 'vitest';
import type { TestApp } from './test-app.ts';

/**
 * Test helper: an admin switches the ret-og-pligt mentor on for a regime from 2020 (R-REG-1), with a
 * recorded reason and, optionally, the 2016 contact minimum of every second week — how tests of today's
 * worklists and reports keep exercising the ret-og-pligt rules (R-ROP-4/5) on 2026 dates.
 */
export async function switchOnRetOgPligt(t: TestApp, regimeId = 'REFORM-2026a', contactIntervalWeeks: number | null = 2): Promise<void> {
  const regime = (await t.as('admin').get('/api/regimes')).json().regimes.find((r: { id: string }) => r.id === regimeId);
  const response = await t.as('admin').put(`/api/regimes/${regimeId}`, {
    validFrom: regime.validFrom,
    validTo: regime.validTo,
    parameters: {
      ...regime.parameters,
      offeredGrantTypes: [...regime.parameters.offeredGrantTypes, 'RET_OG_PLIGT'],
      offeredGrantTypesReason: 'Test: kommunen fører ret og pligt-mentorforløb videre',
      retOgPligtContactIntervalWeeks: contactIntervalWeeks,
    },
  });
  expect(response.statusCode, response.body).toBe(200);
}
