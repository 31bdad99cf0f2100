/**
 * Demo economy for the demo municipality (issue 4): refund frames and budgets, price changes, a company
 * mentor's wage cost (R-CMP-2) and provider invoices in every state, all through the real use cases.
 * The amounts are those of a mid-size municipality (≈ 50,000 inhabitants): a mentor budget of about
 * 10 M kr., which after 2019 has no refund frame (R-FIN-4); 2015 shows Cabi's worked example (S4).
 * The demo's own handful of grants fills only a sliver of that budget.
 */
import type { Database } from '../db/database.ts';
import { grantsRepository } from '../db/repositories/grants-repository.ts';
import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import { usersRepository } from '../db/repositories/users-repository.ts';
import { addDays, addMonths, compareDates, daysBetween, maxDate, minDate } from '../domain/calendar-date.ts';
import { firstDayOf, lastDayOf, monthOf } from '../domain/calendar-month.ts';
import { addHourlyRate } from '../use-cases/add-hourly-rate.ts';
import { approveInvoice } from '../use-cases/approve-invoice.ts';
import { recordInvoice } from '../use-cases/record-invoice.ts';
import { reviewInvoiceLine } from '../use-cases/review-invoice-line.ts';
import { setCompanyMentorWageCost } from '../use-cases/set-company-mentor-wage-cost.ts';
import { setRefundFrame } from '../use-cases/set-refund-frame.ts';
import type { UserRole } from '../db/repositories/users-repository.ts';
import { demoContext } from './demo-context.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';

export async function loadDemoEconomy(db: Database, input: { municipalityId: number; municipalityName: string; now: Date }): Promise<void> {
  const users = usersRepository(db);
  const ctxOf = (user: { id: number; username: string; name: string; role: UserRole }): UseCaseContext => demoContext(db, input, user);
  const [lars, kirsten, sara] = await Promise.all(['lars', 'kirsten', 'sara'].map((u) => users.findByUsername(u)));
  if (!lars || !kirsten || !sara) return;
  const manager = ctxOf(lars);
  const coordinator = ctxOf(kirsten);
  const caseworker = ctxOf(sara);

  // 2015: Cabi's example (frame 2.0 M kr. at 50 %, budget 4.4 M kr. = 10 % above). 2025–2026: no frame after
  // 2019; 2026 also carries the full-time persons and øvrig V&O spending for the R-FIN-5 [U] ceiling.
  await setRefundFrame(manager, { year: 2015, refundFrame: 2_000_000, budget: 4_400_000 });
  await setRefundFrame(manager, { year: 2025, refundFrame: 0, budget: 9_600_000 });
  await setRefundFrame(manager, { year: 2026, refundFrame: 0, budget: 10_200_000, fullTimePersons: 2_350, otherGuidanceSpend: 14_800_000 });

  const mentors = await mentorsRepository(db).list(input.municipalityId);
  const mentor = (name: string) => mentors.find((m) => m.name === name);
  const mads = mentor('Mads Mentor');
  const birgit = mentor('Birgit Lund');
  const tove = mentor('Tove Bager');
  // The municipality's own mentor costs less than the team's internal price list (salary + overhead-free cost).
  if (mads) await addHourlyRate(coordinator, { mentorId: mads.id, kind: 'internal_cost', hourlyRateKr: 318, validFrom: '2025-01-01' });
  if (birgit) await addHourlyRate(coordinator, { providerId: birgit.providerId, hourlyRateKr: 440, validFrom: '2026-01-01' });
  if (tove) {
    await setCompanyMentorWageCost(coordinator, {
      mentorId: tove.id,
      validFrom: '2025-01-01',
      lines: [
        { component: 'wage', amountKr: 168, per: 'hour' },
        { component: 'holiday_pay', amountKr: 21, per: 'hour' },
        { component: 'pension', amountKr: 20.16, per: 'hour' },
        { component: 'employer_contributions', amountKr: 1_150, per: 'month' },
      ],
    });
  }

  // Mentorhuset bills Birgit's general mentor grant month by month: the month before last approved (attested
  // by Sara, approved by Lars), last month received and on the worklist until delivery is checked.
  const grant = (
    await grantsRepository(db).list({ municipalityId: input.municipalityId, status: 'approved', mentorId: birgit?.id ?? -1, limit: 10 })
  ).find((g) => g.type === 'GENERAL');
  if (!birgit || !grant) return;
  const today = input.now.toISOString().slice(0, 10);
  for (const monthsAgo of [2, 1]) {
    const month = monthOf(addMonths(today, -monthsAgo));
    const from = maxDate(firstDayOf(month), grant.startDate);
    const to = minDate(lastDayOf(month), grant.endDate);
    if (compareDates(from, to) > 0) continue;
    const hours = Math.round(((grant.weeklyHours * (daysBetween(from, to) + 1)) / 7) * 4) / 4;
    const invoice = await recordInvoice(coordinator, {
      providerId: birgit.providerId,
      invoiceNumber: `MH-${month}`,
      periodFrom: firstDayOf(month),
      periodTo: lastDayOf(month),
      receivedOn: addDays(lastDayOf(month), 5),
      lines: [{ grantId: grant.id, periodFrom: from, periodTo: to, hours, amountKr: Math.round(hours * 440 * 100) / 100 }],
    });
    if (monthsAgo === 2) {
      for (const line of invoice.reconciliation.lines) {
        await reviewInvoiceLine(caseworker, {
          invoiceId: invoice.id,
          lineId: line.lineId,
          decision: 'accepted',
          note: 'Timerne er bekræftet af borgeren på opfølgningsmødet; kontakterne registreres efterfølgende.',
        });
      }
      await approveInvoice(caseworker, invoice.id);
      await approveInvoice(manager, invoice.id);
    }
  }
}
