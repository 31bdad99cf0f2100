/**
 * Progression ("the small steps", domain spec §5): configurable instruments of indicators, measured
 * every cadence months (default 3, BIP [E40], §8.2) by the citizen, the mentor and/or the caseworker.
 * Distance travelled = latest − first value per indicator and respondent; citizen and mentor disagree
 * when their values in the same measurement round differ by at least a threshold (default 2 points).
 * Outcomes Star content is licensed (§5.2) and is never embedded; the default instrument is
 * BIP-inspired with our own neutral wording (§5.4: verify wording/licence before relying on it).
 */
import { addMonths, compareDates, daysBetween, type CalendarDate } from './calendar-date.ts';

export const respondents = ['citizen', 'mentor', 'caseworker'] as const;
export type Respondent = (typeof respondents)[number];
export const entryModes = ['self', 'paper', 'in_person'] as const;
export type EntryMode = (typeof entryModes)[number];

export type Anchor = { value: number; da: string; en: string };

export type IndicatorDefinition = {
  code: string;
  labelDa: string;
  labelEn: string;
  respondents: Respondent[];
  scaleMin: number;
  scaleMax: number;
  anchors: Anchor[];
};

export type InstrumentDefinition = {
  name: string;
  licenceNote: string;
  cadenceMonths: number;
  disagreementThreshold: number;
  indicators: IndicatorDefinition[];
};

export const defaultInstrumentKey = 'bip-inspireret';

const fivePoint = (lowDa: string, lowEn: string, highDa: string, highEn: string): Anchor[] => [
  { value: 1, da: lowDa, en: lowEn },
  { value: 3, da: 'Delvist', en: 'Partly' },
  { value: 5, da: highDa, en: highEn },
];

const asked: Respondent[] = ['citizen', 'mentor'];

/**
 * The default instrument (§5.1 BIP indicators, §5.4): seven indicators asked of the citizen — and of
 * the mentor about the citizen, so disagreement can be shown — plus the caseworker's belief that the
 * citizen will get a job. Own neutral Danish wording on a 1–5 scale; no BIP or Outcomes Star text.
 */
export const defaultInstrument: InstrumentDefinition = {
  name: 'Progressionsmåling (BIP-inspireret, egen formulering)',
  licenceNote:
    'BIP-inspireret, egen formulering. Indikatorerne følger Beskæftigelsesindikatorprojektet (Væksthusets Forskningscenter); ' +
    'spørgsmålenes ordlyd og skalaen er kommunens egne og ikke BIP’s validerede spørgeskema. Verificér ordlyd og licens med Væksthuset, ' +
    'før resultaterne sammenlignes med BIP. Indeholder intet fra Outcomes Star (licenseret af Triangle Consulting).',
  cadenceMonths: 3,
  disagreementThreshold: 2,
  indicators: [
    {
      code: 'job_search',
      labelDa: 'Jobsøgning: Jeg søger aktivt efter arbejde eller uddannelse',
      labelEn: 'Job search: I actively look for work or education',
      respondents: asked,
      scaleMin: 1,
      scaleMax: 5,
      anchors: fivePoint('Slet ikke', 'Not at all', 'I høj grad', 'To a high degree'),
    },
    {
      code: 'labour_market_knowledge',
      labelDa: 'Kendskab til arbejdsmarkedet: Jeg ved, hvilke job der passer til mig',
      labelEn: 'Knowledge of the labour market: I know which jobs suit me',
      respondents: asked,
      scaleMin: 1,
      scaleMax: 5,
      anchors: fivePoint('Slet ikke', 'Not at all', 'I høj grad', 'To a high degree'),
    },
    {
      code: 'health_coping',
      labelDa: 'Helbred: Jeg kan håndtere mit helbred i hverdagen',
      labelEn: 'Health: I can cope with my health day to day',
      respondents: asked,
      scaleMin: 1,
      scaleMax: 5,
      anchors: fivePoint('Slet ikke', 'Not at all', 'I høj grad', 'To a high degree'),
    },
    {
      code: 'everyday_coping',
      labelDa: 'Hverdag: Jeg får min hverdag til at hænge sammen',
      labelEn: 'Everyday life: I manage my everyday life',
      respondents: asked,
      scaleMin: 1,
      scaleMax: 5,
      anchors: fivePoint('Slet ikke', 'Not at all', 'I høj grad', 'To a high degree'),
    },
    {
      code: 'cooperation',
      labelDa: 'Samarbejde: Jeg kan samarbejde med andre',
      labelEn: 'Co-operation: I can work together with others',
      respondents: asked,
      scaleMin: 1,
      scaleMax: 5,
      anchors: fivePoint('Slet ikke', 'Not at all', 'I høj grad', 'To a high degree'),
    },
    {
      code: 'goal_orientation',
      labelDa: 'Mål: Jeg har et klart mål for, hvad jeg vil',
      labelEn: 'Goals: I have a clear goal for what I want',
      respondents: asked,
      scaleMin: 1,
      scaleMax: 5,
      anchors: fivePoint('Slet ikke', 'Not at all', 'I høj grad', 'To a high degree'),
    },
    {
      code: 'job_belief',
      labelDa: 'Tro på job: Jeg tror på, at jeg kan klare et job',
      labelEn: 'Belief: I believe I can manage a job',
      respondents: asked,
      scaleMin: 1,
      scaleMax: 5,
      anchors: fivePoint('Slet ikke', 'Not at all', 'I høj grad', 'To a high degree'),
    },
    {
      code: 'caseworker_job_belief',
      labelDa: 'Sagsbehandlerens vurdering: Borgeren kommer i job eller uddannelse',
      labelEn: "Caseworker's view: the citizen will get a job or education",
      respondents: ['caseworker'],
      scaleMin: 1,
      scaleMax: 5,
      anchors: fivePoint('Meget usandsynligt', 'Very unlikely', 'Meget sandsynligt', 'Very likely'),
    },
  ],
};

/** Validation of an instrument definition (§5.4, §8.3): problems as field paths (English messages; the web maps codes to Danish). */
export function findInstrumentProblems(input: InstrumentDefinition): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (input.name.trim() === '') problems.push({ field: 'name', message: 'name is empty' });
  if (input.licenceNote.trim() === '') problems.push({ field: 'licenceNote', message: 'a licence note is required (domain spec §5.2)' });
  if (!Number.isInteger(input.cadenceMonths) || input.cadenceMonths < 1 || input.cadenceMonths > 24)
    problems.push({ field: 'cadenceMonths', message: 'cadenceMonths must be 1–24' });
  if (!Number.isInteger(input.disagreementThreshold) || input.disagreementThreshold < 1)
    problems.push({ field: 'disagreementThreshold', message: 'disagreementThreshold must be at least 1' });
  if (input.indicators.length === 0) problems.push({ field: 'indicators', message: 'at least one indicator is required' });
  const seen = new Set<string>();
  input.indicators.forEach((indicator, i) => {
    const at = `indicators[${i}]`;
    if (!/^[a-z][a-z0-9_]{0,49}$/.test(indicator.code))
      problems.push({ field: `${at}.code`, message: 'code must be lower-case letters, digits and _' });
    if (seen.has(indicator.code)) problems.push({ field: `${at}.code`, message: `code '${indicator.code}' is used twice` });
    seen.add(indicator.code);
    if (indicator.labelDa.trim() === '') problems.push({ field: `${at}.labelDa`, message: 'Danish label is empty' });
    if (indicator.labelEn.trim() === '') problems.push({ field: `${at}.labelEn`, message: 'English label is empty' });
    if (indicator.respondents.length === 0) problems.push({ field: `${at}.respondents`, message: 'at least one respondent is required' });
    if (new Set(indicator.respondents).size !== indicator.respondents.length)
      problems.push({ field: `${at}.respondents`, message: 'a respondent is listed twice' });
    if (!Number.isInteger(indicator.scaleMin) || !Number.isInteger(indicator.scaleMax) || indicator.scaleMin >= indicator.scaleMax) {
      problems.push({ field: `${at}.scaleMin`, message: 'scaleMin must be an integer below scaleMax' });
    }
    indicator.anchors.forEach((anchor, j) => {
      if (anchor.value < indicator.scaleMin || anchor.value > indicator.scaleMax)
        problems.push({ field: `${at}.anchors[${j}].value`, message: 'anchor value lies outside the scale' });
      if (anchor.da.trim() === '') problems.push({ field: `${at}.anchors[${j}].da`, message: 'anchor text is empty' });
    });
  });
  return problems;
}

/** Values of one measurement against the indicators asked of its respondent (§5.4): problems per field. */
export function findMeasurementProblems(input: {
  respondent: Respondent;
  indicators: readonly IndicatorDefinition[];
  values: Record<string, number>;
}): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const codes = Object.keys(input.values);
  if (codes.length === 0) problems.push({ field: 'values', message: 'at least one value is required' });
  for (const code of codes) {
    const indicator = input.indicators.find((x) => x.code === code);
    const value = input.values[code]!;
    if (!indicator) problems.push({ field: `values.${code}`, message: `no indicator '${code}' in this instrument` });
    else if (!indicator.respondents.includes(input.respondent))
      problems.push({ field: `values.${code}`, message: `indicator '${code}' is not asked of the ${input.respondent}` });
    else if (!Number.isInteger(value) || value < indicator.scaleMin || value > indicator.scaleMax) {
      problems.push({
        field: `values.${code}`,
        message: `value ${value} lies outside the scale ${indicator.scaleMin}–${indicator.scaleMax}`,
      });
    }
  }
  return problems;
}

const daysPerMonth = 365.25 / 12;

/**
 * The measurement round of a date: 0 is the baseline at the course start, round k is due k × cadence
 * months later; a measurement counts for the nearest round, so one taken a few days early still
 * belongs to the round it was due in.
 */
export function measurementRoundOf(input: { courseStart: CalendarDate; measuredOn: CalendarDate; cadenceMonths: number }): number {
  const months = daysBetween(input.courseStart, input.measuredOn) / daysPerMonth;
  return Math.max(0, Math.round(months / input.cadenceMonths));
}

/**
 * The measurement due on a date (§8.2 cadence): the latest round whose due date has passed within the
 * course and that has no citizen measurement yet; null when nothing is due.
 */
export function measurementDue(input: {
  courseStart: CalendarDate;
  courseEnd: CalendarDate;
  cadenceMonths: number;
  measuredOn: readonly CalendarDate[];
  today: CalendarDate;
}): { round: number; dueDate: CalendarDate } | null {
  if (compareDates(input.today, input.courseStart) < 0) return null;
  const last = compareDates(input.today, input.courseEnd) < 0 ? input.today : input.courseEnd;
  let round = 0;
  while (compareDates(addMonths(input.courseStart, (round + 1) * input.cadenceMonths), last) <= 0) round += 1;
  const done = new Set(
    input.measuredOn.map((d) => measurementRoundOf({ courseStart: input.courseStart, measuredOn: d, cadenceMonths: input.cadenceMonths })),
  );
  if (done.has(round)) return null;
  return { round, dueDate: addMonths(input.courseStart, round * input.cadenceMonths) };
}

export type MeasurementFact = { id: number; measuredOn: CalendarDate; respondent: Respondent; values: Record<string, number> };

export type IndicatorProgress = {
  code: string;
  respondent: Respondent;
  measurements: number;
  first: { measuredOn: CalendarDate; value: number } | null;
  latest: { measuredOn: CalendarDate; value: number } | null;
  /** latest − first; null until there are two measurements. */
  distanceTravelled: number | null;
};

export type Disagreement = { round: number; code: string; citizen: number; mentor: number; difference: number; flagged: boolean };

const byDate = (a: MeasurementFact, b: MeasurementFact) => compareDates(a.measuredOn, b.measuredOn) || a.id - b.id;

/** Distance travelled per indicator and respondent (§5, issue 5 point 5): first and latest value. */
export function summariseProgression(input: {
  indicators: readonly IndicatorDefinition[];
  measurements: readonly MeasurementFact[];
}): IndicatorProgress[] {
  const sorted = [...input.measurements].sort(byDate);
  const result: IndicatorProgress[] = [];
  for (const indicator of input.indicators) {
    for (const respondent of indicator.respondents) {
      const points = sorted
        .filter((m) => m.respondent === respondent && m.values[indicator.code] !== undefined)
        .map((m) => ({ measuredOn: m.measuredOn, value: m.values[indicator.code]! }));
      const first = points[0] ?? null;
      const latest = points.at(-1) ?? null;
      result.push({
        code: indicator.code,
        respondent,
        measurements: points.length,
        first,
        latest,
        distanceTravelled: points.length >= 2 ? latest!.value - first!.value : null,
      });
    }
  }
  return result;
}

/**
 * Citizen vs mentor in the same measurement round (issue 5 point 5): mentor − citizen per indicator,
 * from each respondent's latest measurement in that round; flagged when |difference| ≥ threshold.
 */
export function findDisagreements(input: {
  courseStart: CalendarDate;
  cadenceMonths: number;
  threshold: number;
  measurements: readonly MeasurementFact[];
}): Disagreement[] {
  const latestInRound = new Map<string, MeasurementFact>();
  for (const m of [...input.measurements].sort(byDate)) {
    if (m.respondent === 'caseworker') continue;
    const round = measurementRoundOf({ courseStart: input.courseStart, measuredOn: m.measuredOn, cadenceMonths: input.cadenceMonths });
    latestInRound.set(`${round}:${m.respondent}`, m);
  }
  const rounds = [...new Set([...latestInRound.keys()].map((k) => Number(k.split(':')[0])))].sort((a, b) => a - b);
  const result: Disagreement[] = [];
  for (const round of rounds) {
    const citizen = latestInRound.get(`${round}:citizen`);
    const mentor = latestInRound.get(`${round}:mentor`);
    if (!citizen || !mentor) continue;
    for (const code of Object.keys(citizen.values)) {
      if (mentor.values[code] === undefined) continue;
      const difference = mentor.values[code]! - citizen.values[code]!;
      result.push({
        round,
        code,
        citizen: citizen.values[code]!,
        mentor: mentor.values[code]!,
        difference,
        flagged: Math.abs(difference) >= input.threshold,
      });
    }
  }
  return result;
}

export type DirectionCounts = { courses: number; improved: number; unchanged: number; worse: number; sumDistance: number };

/**
 * Cohort progression (issue 5 point 5): per indicator and respondent over courses with at least two
 * measurements by that respondent, the counts improved / unchanged / worse and the summed distance.
 * Describes change, not its cause.
 */
export function aggregateDistances(courses: readonly IndicatorProgress[][]): Map<string, DirectionCounts> {
  const result = new Map<string, DirectionCounts>();
  for (const course of courses) {
    for (const p of course) {
      if (p.distanceTravelled === null) continue;
      const key = `${p.code}:${p.respondent}`;
      const cell = result.get(key) ?? { courses: 0, improved: 0, unchanged: 0, worse: 0, sumDistance: 0 };
      cell.courses += 1;
      cell.sumDistance += p.distanceTravelled;
      if (p.distanceTravelled > 0) cell.improved += 1;
      else if (p.distanceTravelled < 0) cell.worse += 1;
      else cell.unchanged += 1;
      result.set(key, cell);
    }
  }
  return result;
}
