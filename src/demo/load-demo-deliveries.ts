/**
 * Demo contacts and offers (issue 3): weekly meetings on the active ret-og-pligt grants with one missed
 * week each, Peter's 2015 period with no contact in its sixth week (R-ROP-5 under LAB-2014), and offers
 * that came before and after mentor periods.
 */
import { offersRepository } from '../db/repositories/offers-repository.ts';
import { addDays, calendarDateOf, compareDates, mondayOf } from '../domain/calendar-date.ts';
import { getGrant } from '../use-cases/get-grant.ts';
import { recordContact } from '../use-cases/record-contact.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';

async function weeklyContacts(ctx: UseCaseContext, grantId: number, options: { skipWeek: number; minutes: number; until?: string }) {
  const grant = await getGrant(ctx, grantId);
  const today = calendarDateOf(ctx.now());
  const last = options.until ?? (compareDates(grant.endDate, today) < 0 ? grant.endDate : addDays(today, -1));
  let week = 1;
  for (let monday = mondayOf(grant.startDate); compareDates(monday, last) <= 0; monday = addDays(monday, 7), week += 1) {
    const day = addDays(monday, 1 + (week % 3));
    if (week === options.skipWeek || compareDates(day, grant.startDate) < 0 || compareDates(day, last) > 0) continue;
    await recordContact(ctx, grantId, {
      at: `${day}T09:30:00Z`,
      minutes: week % 5 === 0 ? 45 : options.minutes,
      form: 'physical',
      attended: week % 7 !== 0,
      note: week % 7 === 0 ? 'Borgeren mødte ikke op' : 'Møde i hjemmet',
      confirmation: week % 2 === 0 ? { method: 'in_person', at: `${day}T10:30:00Z` } : null,
    });
  }
}

export async function loadDemoDeliveries(
  ctx: UseCaseContext,
  grants: { peter2015: number; mikkel: number; amira: number; soeren: number; citizens: { mikkel: number; soeren: number; lene: number } },
): Promise<void> {
  await weeklyContacts(ctx, grants.peter2015, { skipWeek: 6, minutes: 90 });
  await weeklyContacts(ctx, grants.mikkel, { skipWeek: 4, minutes: 120 });
  await weeklyContacts(ctx, grants.amira, { skipWeek: 9, minutes: 120 });
  await weeklyContacts(ctx, grants.soeren, { skipWeek: 0, minutes: 180 });
  const offers = offersRepository(ctx.db);
  const m = ctx.actor.municipalityId;
  await offers.create({
    municipalityId: m,
    citizenId: grants.citizens.lene,
    type: 'virksomhedspraktik',
    startDate: '2015-12-07',
    endDate: '2016-02-26',
    createdBy: ctx.actor.userId,
  });
  await offers.create({
    municipalityId: m,
    citizenId: grants.citizens.soeren,
    type: 'vejledning_opkvalificering',
    startDate: addDays(calendarDateOf(ctx.now()), -120),
    endDate: null,
    createdBy: ctx.actor.userId,
  });
  await offers.create({
    municipalityId: m,
    citizenId: grants.citizens.mikkel,
    type: 'nytteindsats',
    startDate: '2024-03-04',
    endDate: '2024-06-28',
    createdBy: ctx.actor.userId,
  });
}
