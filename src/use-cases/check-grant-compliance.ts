import { contactsRepository } from '../db/repositories/contacts-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { calendarDateOf, danishDateOf } from '../domain/calendar-date.ts';
import { checkContactFrequency } from '../domain/contact-frequency.ts';
import type { Finding } from '../domain/finding.ts';
import { hoursByMonth, reconcileHours, type HoursMonth, type HoursWeek } from '../domain/hours-reconciliation.ts';
import { findRegimeOn } from '../domain/legal-regime.ts';
import { AppError } from '../errors.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/**
 * Delivery control of one grant up to `asOf`: R-ROP-5 contact frequency (ret-og-pligt, by the regime of
 * the agreement date, 2014–2019 only) and R-DEL-1 hours per ISO week (granted, logged, confirmed).
 */
export async function checkGrantCompliance(
  ctx: UseCaseContext,
  grantId: number,
  asOf: string | null,
): Promise<{ findings: (Finding & { weeks?: string[] })[]; hours: HoursWeek[]; hoursByMonth: HoursMonth[] }> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  const regime = findRegimeOn(await regimesRepository(ctx.db).listByMunicipality(ctx.actor.municipalityId), grant.agreedOn);
  if (!regime) throw new AppError('CONFIG_INVALID', `No legal regime covers ${grant.agreedOn}`);
  const settings = await loadMunicipalSettings(ctx);
  const contacts = await contactsRepository(ctx.db).listByGrantId(ctx.actor.municipalityId, grantId);
  const until = asOf ?? calendarDateOf(ctx.now());
  const period = { startDate: grant.startDate, endDate: grant.actualEndDate ?? grant.endDate };
  const findings: (Finding & { weeks?: string[] })[] = [];
  // R-ROP-5 is statutory only where the regime has a contact minimum (2014–2019); from 2020 none was found
  // [NF], so delivery is checked against the agreed hours alone (R-DEL-1; law update 2026-12 §1).
  const intervalWeeks = regime.parameters.retOgPligtContactIntervalWeeks;
  if (grant.type === 'RET_OG_PLIGT' && grant.status !== 'draft' && intervalWeeks !== null) {
    const frequency = checkContactFrequency({
      period,
      contacts: contacts.map((c) => ({ date: danishDateOf(c.at), form: c.form, attended: c.attended, justification: c.justification })),
      intervalWeeks,
      semantics: settings.contactWeekSemantics,
      allowedForms: regime.parameters.allowedContactForms,
      asOf: until,
    });
    findings.push(...frequency.findings);
  }
  const hourContacts = contacts.map((c) => ({
    date: danishDateOf(c.at),
    minutes: c.minutes,
    attended: c.attended,
    confirmed: c.confirmedAt !== null,
  }));
  const reconciliation = reconcileHours({
    period,
    weeklyHours: grant.weeklyHours,
    contacts: hourContacts,
    tolerance: settings.hoursShortfallTolerance,
    asOf: until,
  });
  if (grant.status !== 'draft') findings.push(...reconciliation.findings);
  await recordAudit(ctx, { action: 'read', entity: 'compliance', citizenIds: [grant.citizenId] });
  return {
    findings,
    hours: reconciliation.hours,
    hoursByMonth: hoursByMonth({ period, weeklyHours: grant.weeklyHours, contacts: hourContacts, asOf: until }),
  };
}
