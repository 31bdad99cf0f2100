/**
 * Shared by the economy use cases: loads approved and ended grants with everything that prices them —
 * rates of their mentor (or their pladsmentor, R-CMP-3), logged deliveries and invoice lines — and the
 * refund rate of the regime each agreement was concluded under (R-FIN-1).
 */
import { deliveriesRepository } from '../db/repositories/deliveries-repository.ts';
import { grantCostFactsRepository, type GrantCostFacts } from '../db/repositories/grant-cost-facts-repository.ts';
import { hourlyRatesRepository, type MentorRateSpan } from '../db/repositories/hourly-rates-repository.ts';
import { invoicesRepository } from '../db/repositories/invoices-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import type { CalendarDate } from '../domain/calendar-date.ts';
import type { EconomyGrantFacts } from '../domain/economy-overview.ts';
import type { HourlyRate } from '../domain/grant-cost.ts';
import type { LegalRegime } from '../domain/legal-regime.ts';
import { weeklyHoursPerLinkedPerson } from '../domain/place-mentor.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type LoadedGrantFacts = EconomyGrantFacts & { source: GrantCostFacts };

export async function loadGrantEconomyFacts(
  ctx: UseCaseContext,
  window: { from: CalendarDate; to: CalendarDate; grantIds?: number[] },
): Promise<{ grants: LoadedGrantFacts[]; regimes: LegalRegime[] }> {
  const municipalityId = ctx.actor.municipalityId;
  const scope = { municipalityId, ...window };
  const [grants, spans, deliveries, lines, regimes] = await Promise.all([
    grantCostFactsRepository(ctx.db).listOverlapping(scope),
    hourlyRatesRepository(ctx.db).listSpansByMentor(municipalityId),
    deliveriesRepository(ctx.db).listDaily(scope),
    invoicesRepository(ctx.db).listLinesOverlapping(scope),
    regimesRepository(ctx.db).listByMunicipality(municipalityId),
  ]);
  const ratesByMentor = groupBy(spans, (s) => s.mentorId);
  const providerRates = new Map<number, HourlyRate[]>();
  for (const providerId of new Set(grants.filter((g) => g.place && g.place.mentorId === null).map((g) => g.place!.providerId))) {
    const rows = await hourlyRatesRepository(ctx.db).listProviderRates(municipalityId, providerId);
    providerRates.set(
      providerId,
      rows.map((r) => ({ ...r, source: 'provider' as const })),
    );
  }
  const deliveriesByGrant = groupBy(deliveries, (d) => d.grantId);
  const linesByGrant = groupBy(lines, (l) => l.grantId);
  const regimeById = new Map(regimes.map((r) => [r.id, r]));

  const ratesOf = (g: GrantCostFacts): HourlyRate[] => {
    const toRate = (s: MentorRateSpan): HourlyRate => ({
      hourlyRateKr: s.hourlyRateKr,
      validFrom: s.validFrom,
      validTo: s.validTo,
      source: s.source,
    });
    if (g.place)
      return g.place.mentorId !== null
        ? (ratesByMentor.get(g.place.mentorId) ?? []).map(toRate)
        : (providerRates.get(g.place.providerId) ?? []);
    return g.mentorId === null ? [] : (ratesByMentor.get(g.mentorId) ?? []).map(toRate);
  };

  return {
    regimes,
    grants: grants.map((g) => ({
      source: g,
      grantId: g.grantId,
      type: g.type,
      providerType: g.providerType,
      targetGroup: g.targetGroup,
      refundClass: g.refundClass,
      refundRate: g.refundClass === 'none' ? 0 : (regimeById.get(g.regimeId)?.parameters.refundRate ?? 0),
      agreedOn: g.agreedOn,
      startDate: g.startDate,
      plannedEndDate: g.endDate,
      actualEndDate: g.actualEndDate,
      weeklyHours: g.place ? weeklyHoursPerLinkedPerson(g.place) : g.weeklyHours,
      rates: ratesOf(g),
      deliveries: (deliveriesByGrant.get(g.grantId) ?? []).map((d) => ({ date: d.date, hours: d.hours })),
      invoiceLines: linesByGrant.get(g.grantId) ?? [],
    })),
  };
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}
