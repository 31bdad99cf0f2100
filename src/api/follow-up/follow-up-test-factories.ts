import { switchOnRetOgPligt } from '../regime-test-helpers.ts';
import type { TestApp } from '../test-app.ts';
import { approvedTestGrant, registerAktivitetsparatCitizen, registerTestMentor } from '../test-factories.ts';

/** Test data for the follow-up API tests: a mentor with a login, citizens and approved courses. */
let count = 0;

export function followUpFactories(t: TestApp) {
  // 2026 ret-og-pligt courses exist only where an admin has switched the type on (R-REG-1).
  let retOgPligtOn = false;
  return {
    async mentor(name: string, username: string): Promise<number> {
      const mentorId = await registerTestMentor(t, name, `Team ${name}`);
      await t.createUser(username, 'mentor', mentorId);
      return mentorId;
    },
    async course(input: { mentorId: number | null; start: string; end: string; type?: 'RET_OG_PLIGT' | 'GENERAL' }): Promise<number> {
      count += 1;
      if ((input.type ?? 'RET_OG_PLIGT') === 'RET_OG_PLIGT' && !retOgPligtOn) {
        await switchOnRetOgPligt(t);
        retOgPligtOn = true;
      }
      const citizenId = await registerAktivitetsparatCitizen(
        t,
        { cpr: `${String((count % 28) + 1).padStart(2, '0')}0590${String(1000 + count).slice(-4)}`, name: `Borger ${count}` },
        '2020-01-01',
      );
      return approvedTestGrant(t, {
        citizenId,
        type: input.type ?? 'RET_OG_PLIGT',
        agreedOn: input.start,
        startDate: input.start,
        endDate: input.end,
        mentorId: input.mentorId,
        weeklyHours: 2,
        citizenConsent: true,
      });
    },
  };
}
