/**
 * The landing page after login (issue 3 point 7), per role:
 * caseworker — periods ending soon, decisions overdue, R-ROP-4 follow-up missing, R-ROP-5 missing
 * contact, R-DEL-1 hours shortfall; mentor — own citizens and ret-og-pligt contacts due this week;
 * coordinator — grants without a mentor, mentors over capacity.
 */
import { contactsRepository } from '../db/repositories/contacts-repository.ts';
import { grantsRepository, type GrantRecord } from '../db/repositories/grants-repository.ts';
import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import { offersRepository } from '../db/repositories/offers-repository.ts';
import { regimesRepository } from '../db/repositories/regimes-repository.ts';
import { hasPermission } from '../domain/access-policy.ts';
import { addDays, calendarDateOf, compareDates, danishDateOf, isoWeekOf } from '../domain/calendar-date.ts';
import { formatDate, formatHours, formatIsoWeeks, formatPeriod } from '../domain/danish-format.ts';
import { checkContactFrequency } from '../domain/contact-frequency.ts';
import { grantDeadlines } from '../domain/grant-deadlines.ts';
import { reconcileHours } from '../domain/hours-reconciliation.ts';
import { findRegimeOn } from '../domain/legal-regime.ts';
import { findMeasurementsDue } from './find-measurements-due.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { recordAudit } from './record-audit.ts';
import type { UseCaseContext } from './use-case-context.ts';

export type WorklistItem = {
  kind:
    | 'period_ending'
    | 'decision_overdue'
    | 'follow_up_missing'
    | 'contact_missing'
    | 'hours_shortfall'
    | 'my_citizen'
    | 'contact_due'
    | 'grant_without_mentor'
    | 'mentor_over_capacity'
    | 'measurement_due';
  grantId: number | null;
  citizenId: number | null;
  citizenName: string | null;
  mentorId: number | null;
  dueDate: string | null;
  rule: string | null;
  message: string;
};

function isActive(g: GrantRecord, today: string): boolean {
  return g.status === 'approved' && compareDates(g.startDate, today) <= 0 && compareDates(today, g.endDate) <= 0;
}

export async function getWorklist(ctx: UseCaseContext): Promise<{ role: string; items: WorklistItem[] }> {
  const today = calendarDateOf(ctx.now());
  const municipalityId = ctx.actor.municipalityId;
  const role = ctx.actor.role;
  const items: WorklistItem[] = [];
  // A worklist is about grants: roles without grant access (managers, admins) have an empty one.
  if (!hasPermission(role, 'grant:read')) return { role, items };
  const grantsRepo = grantsRepository(ctx.db);
  const mentorScope = role === 'mentor' ? (ctx.actor.mentorId ?? -1) : null;
  const all = [
    ...(await grantsRepo.list({ municipalityId, status: 'approved', mentorId: mentorScope, limit: 5000 })),
    ...(await grantsRepo.list({ municipalityId, status: 'ended', mentorId: mentorScope, limit: 5000 })).filter(
      (g) => g.actualEndDate !== null && compareDates(g.actualEndDate, addDays(today, -90)) >= 0,
    ),
    ...(role === 'coordinator' ? await grantsRepo.list({ municipalityId, status: 'draft', limit: 5000 }) : []),
  ];
  const settings = await loadMunicipalSettings(ctx);
  const regimes = await regimesRepository(ctx.db).listByMunicipality(municipalityId);
  const item = (g: GrantRecord, rest: Omit<WorklistItem, 'grantId' | 'citizenId' | 'citizenName' | 'mentorId'>): WorklistItem => ({
    grantId: g.id,
    citizenId: g.citizenId,
    citizenName: g.citizenName,
    mentorId: g.mentorId,
    ...rest,
  });

  if (role === 'caseworker') {
    const offers = offersRepository(ctx.db);
    for (const g of all) {
      const followUpStarts = [
        ...all.filter((o) => o.citizenId === g.citizenId && o.type === 'RET_OG_PLIGT' && o.id !== g.id).map((o) => o.startDate),
        ...(g.type === 'RET_OG_PLIGT' ? (await offers.listByCitizenId(municipalityId, g.citizenId)).map((o) => o.startDate) : []),
      ];
      for (const d of grantDeadlines({
        grant: g,
        followUpStarts,
        today,
        warningDays: settings.deadlineWarningDays,
        graceDays: settings.retOgPligtGraceDays,
      })) {
        if (d.kind === 'period_ending')
          items.push(
            item(g, {
              kind: d.kind,
              dueDate: d.dueDate,
              rule: null,
              message: `Perioden slutter om ${d.daysLeft} dage: beslut forlængelse, tilbud eller afslutning.`,
            }),
          );
        if (d.kind === 'decision_overdue')
          items.push(
            item(g, {
              kind: d.kind,
              dueDate: d.dueDate,
              rule: null,
              message: `Perioden sluttede for ${d.daysOverdue} dage siden uden afgørelse.`,
            }),
          );
        if (d.kind === 'follow_up_missing')
          items.push(item(g, { kind: d.kind, dueDate: d.dueDate, rule: 'R-ROP-4', message: d.finding.message }));
      }
    }
  }
  if (role === 'caseworker' || role === 'mentor') {
    const contactsRepo = contactsRepository(ctx.db);
    for (const g of all.filter((x) => isActive(x, today))) {
      const contacts = await contactsRepo.listByGrantId(municipalityId, g.id);
      const regime = findRegimeOn(regimes, g.agreedOn);
      if (role === 'mentor') {
        items.push(
          item(g, {
            kind: 'my_citizen',
            dueDate: g.endDate,
            rule: null,
            message: `Aktiv til ${formatDate(g.endDate)}, ${formatHours(g.weeklyHours)} timer om ugen.`,
          }),
        );
        const thisWeek = isoWeekOf(today);
        if (g.type === 'RET_OG_PLIGT' && !contacts.some((c) => c.attended && isoWeekOf(danishDateOf(c.at)) === thisWeek)) {
          items.push(
            item(g, {
              kind: 'contact_due',
              dueDate: addDays(today, 6 - ((new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7)),
              rule: 'R-ROP-5',
              message: 'Ingen kontakt registreret i denne uge.',
            }),
          );
        }
        continue;
      }
      // R-ROP-5 only where the regime has a statutory contact minimum (2014–2019).
      const intervalWeeks = regime?.parameters.retOgPligtContactIntervalWeeks ?? null;
      if (g.type === 'RET_OG_PLIGT' && regime && intervalWeeks !== null) {
        const frequency = checkContactFrequency({
          period: { startDate: g.startDate, endDate: g.endDate },
          contacts: contacts.map((c) => ({ date: danishDateOf(c.at), form: c.form, attended: c.attended, justification: c.justification })),
          intervalWeeks,
          semantics: settings.contactWeekSemantics,
          allowedForms: regime.parameters.allowedContactForms,
          asOf: today,
        });
        const recent = frequency.missingWeeks.slice(-4);
        if (recent.length > 0)
          items.push(
            item(g, {
              kind: 'contact_missing',
              dueDate: null,
              rule: 'R-ROP-5',
              message: `Manglende kontakt i ${settings.contactWeekSemantics === 'calendar_week' ? formatIsoWeeks(recent) : recent.map((gap) => formatPeriod(...(gap.split('–') as [string, string]))).join(', ')}.`,
            }),
          );
      }
      const hours = reconcileHours({
        period: { startDate: g.startDate, endDate: g.endDate },
        weeklyHours: g.weeklyHours,
        contacts: contacts.map((c) => ({
          date: danishDateOf(c.at),
          minutes: c.minutes,
          attended: c.attended,
          confirmed: c.confirmedAt !== null,
        })),
        tolerance: settings.hoursShortfallTolerance,
        asOf: today,
      });
      const short = hours.findings[0]?.weeks?.slice(-4) ?? [];
      if (short.length > 0)
        items.push(
          item(g, {
            kind: 'hours_shortfall',
            dueDate: null,
            rule: 'R-DEL-1',
            message: `Færre leverede timer end bevilget i ${formatIsoWeeks(short)}.`,
          }),
        );
    }
  }
  if (role === 'caseworker' || role === 'mentor') {
    // Issue 5 point 5: the progression measurement of this round is due (every cadence months from the start).
    for (const d of await findMeasurementsDue(
      ctx,
      all.filter((x) => isActive(x, today)),
    )) {
      items.push(
        item(d.grant, {
          kind: 'measurement_due',
          dueDate: d.dueDate,
          rule: null,
          message: `Måling forfalden: ${d.round === 0 ? 'startmåling' : `${d.round}. opfølgende måling`} siden ${formatDate(d.dueDate)}.`,
        }),
      );
    }
  }
  if (role === 'coordinator') {
    for (const g of all.filter((x) => x.mentorId === null && x.status !== 'ended')) {
      items.push(item(g, { kind: 'grant_without_mentor', dueDate: g.startDate, rule: null, message: 'Bevillingen mangler en mentor.' }));
    }
    const load = new Map<number, number>();
    for (const g of all.filter((x) => isActive(x, today) && x.mentorId !== null))
      load.set(g.mentorId!, (load.get(g.mentorId!) ?? 0) + g.weeklyHours);
    for (const m of await mentorsRepository(ctx.db).list(municipalityId)) {
      const used = load.get(m.id) ?? 0;
      if (m.weeklyCapacityHours !== null && used > m.weeklyCapacityHours) {
        items.push({
          kind: 'mentor_over_capacity',
          grantId: null,
          citizenId: null,
          citizenName: null,
          mentorId: m.id,
          dueDate: null,
          rule: null,
          message: `${m.name} har ${formatHours(used)} timer om ugen bevilget mod en kapacitet på ${formatHours(m.weeklyCapacityHours)}.`,
        });
      }
    }
  }
  const citizenIds = [...new Set(items.map((i) => i.citizenId).filter((id): id is number => id !== null))];
  if (citizenIds.length > 0) await recordAudit(ctx, { action: 'read', entity: 'worklist', citizenIds });
  return { role, items };
}
