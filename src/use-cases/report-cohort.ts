/**
 * The reports of Copenhagen's and Hvidovre's material for any period (issue 5 point 3): persons with a
 * mentor per year and as a share of each target group, starts per month, age, gender and origin,
 * benefit duration before the first course, total mentor duration, status at the horizon by age group
 * (table 4), what is in progress at the horizon (figure 7) and who delivers the courses. Each is a
 * table of counted units with R-STAT-1 suppression; `listCohortReportCitizens` shows the citizens
 * behind one cell, only to roles that may see citizens, and audits it (R-PRV-1).
 */
import { cohortReportsRepository, type CohortFilter } from '../db/repositories/cohort-reports-repository.ts';
import { addMonths, isCalendarDate } from '../domain/calendar-date.ts';
import { formatPeriod } from '../domain/danish-format.ts';
import {
  age30Columns,
  age30Of,
  ageBands,
  benefitDurationBandOf,
  benefitDurationBands,
  buildReportTable,
  courseDays,
  genderRows,
  horizonOfferGroupOf,
  horizonOfferRows,
  mentorDurationBandOf,
  mentorDurationBands,
  monthRows,
  originRows,
  providerRows,
  weeksOnBenefitBefore,
  type CohortReportName,
  type PercentBase,
  type ReportAxis,
  type ReportTable,
  type ReportUnit,
} from '../domain/cohort-report.ts';
import { copenhagenCategories, copenhagenLabels, toCopenhagenCategory } from '../domain/outcome-categories.ts';
import { ageBand } from '../domain/passive-citizens.ts';
import { weekIndexOf } from '../domain/register-week.ts';
import { targetGroupCodes, targetGroupLabels, type TargetGroupCode } from '../domain/target-group.ts';
import { AppError } from '../errors.ts';
import { loadMunicipalSettings } from './load-municipal-settings.ts';
import { loadOutcomeStatuses } from './load-outcome-statuses.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** `targetGroups`: the cohort's target groups on the day the (first) course started; null for all. */
export type CohortReportInput = {
  report: CohortReportName;
  firstStartFrom: string;
  firstStartTo: string;
  type: string | null;
  horizonMonths: number;
  targetGroups?: string[] | null;
};

type ReportSpec = {
  title: string;
  caption: string;
  unit: ReportTable['unit'];
  rows: ReportAxis[];
  columns: ReportAxis[];
  units: ReportUnit[];
  percentBase: PercentBase;
  rowTotals?: boolean;
  denominators?: number[][];
};

/** Copenhagen's benefit-duration figure counts time as a cash- or education-benefit recipient (S2 figure 5). */
const benefitCategories = ['CASH_BENEFIT_SAME', 'CASH_BENEFIT_UPGRADED'];
const noCause = 'Tallene beskriver, hvad der skete — de siger ikke, om det skyldtes mentorstøtten.';

const targetGroupAxis = (code: string | null): ReportAxis =>
  code === null
    ? { key: 'none', label: 'Ingen målgruppe registreret' }
    : { key: code, label: targetGroupLabels[code as TargetGroupCode] ?? code };

/** What every report builder needs: the cohort's filter, the period in words and the repository. */
type ReportContext = {
  ctx: UseCaseContext;
  input: CohortReportInput;
  filter: CohortFilter;
  period: string;
  repository: ReturnType<typeof cohortReportsRepository>;
};

/** Persons with a mentor per year and as a share of each target group (Hvidovre). */
async function personsPerYear({ filter, repository }: ReportContext): Promise<ReportSpec> {
  const persons = await repository.personsWithMentorPerYear(filter);
  const population = await repository.targetGroupPopulationPerYear(filter);
  const years = [...new Set(persons.map((p) => p.year))].sort((a, b) => a - b);
  const groups = [...new Set([...persons.map((p) => p.targetGroup), ...population.map((p) => p.targetGroup)])].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  const columns = groups.map(targetGroupAxis);
  const size = new Map(population.map((p) => [`${p.year}:${p.targetGroup}`, p.persons]));
  return {
    title: 'Personer med mentor pr. år og andel af målgruppen',
    caption: `Forskellige personer med et mentorforløb i løbet af året, efter målgruppe på forløbets første dag i året. Procent = andel af alle i målgruppen i året. Viser omfang, ikke effekt.`,
    unit: 'personer',
    rows: years.map((y) => ({ key: String(y), label: String(y) })),
    columns,
    units: persons.map((p) => ({ citizenId: p.citizenId, row: String(p.year), column: targetGroupAxis(p.targetGroup).key })),
    percentBase: 'denominator',
    denominators: years.map((y) => columns.map((c) => size.get(`${y}:${c.key}`) ?? 0)),
  };
}

/** Courses started per month and year (Copenhagen figure 2). */
async function startsPerMonth({ filter, repository }: ReportContext): Promise<ReportSpec> {
  const courses = await repository.coursesStarted(filter);
  const years = [...new Set(courses.map((c) => c.startDate.slice(0, 4)))].sort();
  return {
    title: 'Påbegyndte mentorforløb pr. måned',
    caption:
      'Forløb startet i perioden pr. måned og år. Forlængelser, genoptagne forløb og mentorskift tæller som nye forløb (som i Københavns opgørelse). Viser omfang, ikke effekt.',
    unit: 'forløb',
    rows: monthRows,
    columns: years.map((y) => ({ key: y, label: y })),
    units: courses.map((c) => ({ citizenId: c.citizenId, row: c.startDate.slice(5, 7), column: c.startDate.slice(0, 4) })),
    percentBase: 'none',
  };
}

/** Age at the first start next to the whole target group. */
async function ageComparedWithTargetGroup({ input, filter, period, repository }: ReportContext): Promise<ReportSpec> {
  const members = await repository.members(filter);
  const groups = [...new Set(members.map((m) => m.targetGroup).filter((g): g is string => g !== null))];
  const population = groups.length === 0 ? [] : await repository.targetGroupPopulation({ ...filter, targetGroups: groups });
  return {
    title: 'Alder ved start på første mentorforløb sammenlignet med hele målgruppen',
    caption: `Borgere med ${period} (alder ved start) og alle i de samme målgrupper i perioden (alder ved periodens slutning). ${noCause}`,
    unit: 'personer',
    rows: ageBands,
    columns: [
      { key: 'mentor', label: 'Med mentor' },
      { key: 'population', label: 'Hele målgruppen' },
    ],
    rowTotals: false,
    units: [
      ...members.map((m) => ({ citizenId: m.citizenId, row: ageBand(m.birthDate, m.firstStart), column: 'mentor' })),
      ...population.map((p) => ({ citizenId: p.citizenId, row: ageBand(p.birthDate, input.firstStartTo), column: 'population' })),
    ],
    percentBase: 'column',
  };
}

/** Gender or origin of the cohort by age group. */
async function genderOrOrigin({ input, filter, period, repository }: ReportContext): Promise<ReportSpec> {
  const members = await repository.members(filter);
  const rows = input.report === 'gender' ? genderRows : originRows;
  return {
    title: input.report === 'gender' ? 'Køn blandt borgere med mentor' : 'Herkomst blandt borgere med mentor',
    caption: `Borgere med ${period}, efter alder ved start. ${noCause}`,
    unit: 'personer',
    rows,
    columns: age30Columns,
    units: members.map((m) => ({
      citizenId: m.citizenId,
      row: (input.report === 'gender' ? m.gender : m.origin) ?? 'unknown',
      column: age30Of(m.birthDate, m.firstStart),
    })),
    percentBase: 'column',
  };
}

/** Continuous cash- or education-benefit weeks before the first course (Copenhagen figure 5). */
async function benefitDurationBefore({ filter, period, repository }: ReportContext): Promise<ReportSpec> {
  const members = await repository.members(filter);
  const spells = await repository.spellsBeforeFirstStart(filter, benefitCategories);
  const withData = new Set(await repository.membersWithRegisterData(filter));
  const byCitizen = new Map<number, typeof spells>();
  for (const s of spells) {
    const list = byCitizen.get(s.citizenId);
    if (list) list.push(s);
    else byCitizen.set(s.citizenId, [s]);
  }
  return {
    title: 'Varighed på kontant- eller uddannelseshjælp før første mentorforløb',
    caption: `Sammenhængende uger på kontant- eller uddannelseshjælp (registerdata) frem til ugen før start, for borgere med ${period}. Borgere uden registeroplysninger vises for sig. ${noCause}`,
    unit: 'personer',
    rows: benefitDurationBands,
    columns: age30Columns,
    units: members.map((m) => ({
      citizenId: m.citizenId,
      row: benefitDurationBandOf(
        withData.has(m.citizenId) ? weeksOnBenefitBefore(byCitizen.get(m.citizenId) ?? [], weekIndexOf(m.firstStart)) : null,
      ),
      column: age30Of(m.birthDate, m.firstStart),
    })),
    percentBase: 'column',
  };
}

/** All mentor courses of each citizen added up. */
async function totalMentorDuration({ filter, period, repository }: ReportContext): Promise<ReportSpec> {
  const members = await repository.members(filter);
  return {
    title: 'Samlet varighed af mentorforløb pr. borger',
    caption: `Alle mentorforløb for borgere med ${period} lagt sammen; forløb i gang tæller med den planlagte varighed. ${noCause}`,
    unit: 'personer',
    rows: mentorDurationBands,
    columns: age30Columns,
    units: members.map((m) => ({
      citizenId: m.citizenId,
      row: mentorDurationBandOf(m.courses.reduce((days, c) => days + courseDays(c), 0)),
      column: age30Of(m.birthDate, m.firstStart),
    })),
    percentBase: 'column',
  };
}

/** Status at the horizon by age group (Copenhagen table 4, R-DEL-2). */
async function statusAtHorizon({ ctx, input, filter, period }: ReportContext): Promise<ReportSpec> {
  const statuses = await loadOutcomeStatuses(ctx, { ...filter, horizonMonths: input.horizonMonths });
  return {
    title: `Status ${input.horizonMonths} måneder efter start på første mentorforløb`,
    caption: `Hver borger med ${period} tælles én gang, med sin status i ugen ${input.horizonMonths} måneder efter start (registerdata). ${noCause}`,
    unit: 'personer',
    rows: copenhagenCategories.map((c) => ({ key: c, label: copenhagenLabels[c] })),
    columns: age30Columns,
    units: statuses.map((s) => ({
      citizenId: s.citizenId,
      row: toCopenhagenCategory(s.category),
      column: age30Of(s.birthDate, s.firstStart),
    })),
    percentBase: 'column',
  };
}

/** Offers and mentor courses in progress at the horizon (Copenhagen figure 7). */
async function offersAtHorizon({ input, filter, period, repository }: ReportContext): Promise<ReportSpec> {
  const members = await repository.inProgressAtHorizon({ ...filter, horizonMonths: input.horizonMonths });
  const units: ReportUnit[] = [];
  for (const m of members) {
    const column = age30Of(m.birthDate, m.firstStart);
    const groups = new Set((m.offerTypes ?? []).map(horizonOfferGroupOf));
    if (m.mentorActive) units.push({ citizenId: m.citizenId, row: 'mentor', column });
    for (const g of groups) units.push({ citizenId: m.citizenId, row: g, column });
  }
  return {
    title: `Forløb i gang ${input.horizonMonths} måneder efter start på første mentorforløb`,
    caption: `Tilbud og mentorforløb i gang på datoen ${input.horizonMonths} måneder efter start, for borgere med ${period}; en borger kan have flere tilbud. Procent = andel af forløbene i gang. ${noCause}`,
    unit: 'tilbud',
    rows: horizonOfferRows,
    columns: age30Columns,
    units,
    percentBase: 'column',
  };
}

/** Courses by the provider type of their mentor. */
async function providerSplit({ filter, repository }: ReportContext): Promise<ReportSpec> {
  const courses = await repository.coursesStarted(filter);
  return {
    title: 'Hvem varetager mentorforløbene',
    caption:
      'Forløb startet i perioden efter mentorens leverandørtype (eksterne leverandører, jobcenter, beskæftigelsescenter m.fl.). Viser fordelingen, ikke kvaliteten.',
    unit: 'forløb',
    rows: providerRows,
    columns: age30Columns,
    units: courses.map((c) => ({ citizenId: c.citizenId, row: c.providerType ?? 'none', column: age30Of(c.birthDate, c.startDate) })),
    percentBase: 'column',
  };
}

const reportBuilders: Record<CohortReportName, (c: ReportContext) => Promise<ReportSpec>> = {
  'persons-per-year': personsPerYear,
  'starts-per-month': startsPerMonth,
  age: ageComparedWithTargetGroup,
  gender: genderOrOrigin,
  origin: genderOrOrigin,
  'benefit-duration': benefitDurationBefore,
  'mentor-duration': totalMentorDuration,
  'outcome-status': statusAtHorizon,
  'offers-at-horizon': offersAtHorizon,
  providers: providerSplit,
};

export async function cohortReportSpecOf(ctx: UseCaseContext, input: CohortReportInput): Promise<ReportSpec> {
  const filter: CohortFilter = {
    municipalityId: ctx.actor.municipalityId,
    from: input.firstStartFrom,
    to: input.firstStartTo,
    type: input.type,
    targetGroups: input.targetGroups?.length ? input.targetGroups : null,
  };
  const period = `første mentorforløb startet ${formatPeriod(input.firstStartFrom, input.firstStartTo)}`;
  return reportBuilders[input.report]({ ctx, input, filter, period, repository: cohortReportsRepository(ctx.db) });
}

export function validateCohortReportInput(ctx: UseCaseContext, input: CohortReportInput): void {
  requirePermission(ctx, 'report:read');
  for (const field of ['firstStartFrom', 'firstStartTo'] as const) {
    if (!isCalendarDate(input[field])) throw new AppError('INVALID_INPUT', `${field} is not a valid date`, { field });
  }
  if (input.firstStartFrom > input.firstStartTo)
    throw new AppError('INVALID_INPUT', 'firstStartFrom is after firstStartTo', { field: 'firstStartFrom' });
  if (addMonths(input.firstStartFrom, 12 * 30) < input.firstStartTo)
    throw new AppError('INVALID_INPUT', 'The period may span at most 30 years', { field: 'firstStartTo' });
  const unknown = (input.targetGroups ?? []).find((g) => !(targetGroupCodes as readonly string[]).includes(g));
  if (unknown !== undefined) throw new AppError('INVALID_INPUT', `Unknown target group '${unknown}'`, { field: 'targetGroups' });
}

export async function reportCohort(ctx: UseCaseContext, input: CohortReportInput): Promise<ReportTable> {
  validateCohortReportInput(ctx, input);
  const spec = await cohortReportSpecOf(ctx, input);
  const { suppressionThreshold } = await loadMunicipalSettings(ctx);
  const table = buildReportTable({ report: input.report, threshold: suppressionThreshold, ...spec });
  return { ...table, caption: `${table.caption} Celler med færre end ${suppressionThreshold} vises ikke (diskretion).` };
}
