/**
 * The words of an effect analysis (issue 15), Danish first and English second: one sentence per outcome
 * that says what the 95 % interval allows, labels for every covariate and level, every warning with what
 * to do about it, the sensitivity analysis and the context from the STAR trial. The estimator returns codes
 * and numbers only; the page, the PDF and the CLI all read them through this module, so a manager, a city
 * council and an analyst read the same sentence.
 */
import { formatNumber as formatDanishNumber } from './danish-format.ts';
import { targetGroupLabels, type TargetGroupCode } from './target-group.ts';

export type EffectLanguage = 'da' | 'en';

/** The outcomes of the in-app analysis; a CLI outcome is any column name. */
export type EffectOutcomeCode = 'employment' | 'education' | 'self_support' | 'benefit_weeks_52';

/** What an outcome is measured in: a 0/1 share (shown in percentage points) or a count of weeks. */
export function outcomeUnit(outcome: string): 'percentagePoints' | 'weeks' | 'raw' {
  if (outcome === 'benefit_weeks_52') return 'weeks';
  if (outcome === 'employment' || outcome === 'education' || outcome === 'self_support') return 'percentagePoints';
  return 'raw';
}

const minus = '\u2212';

/** A number in the reader's language: Danish decimal comma, a real minus sign. */
export function formatNumber(lang: EffectLanguage, value: number, digits = 1): string {
  const text =
    lang === 'da'
      ? formatDanishNumber(Math.abs(value), { decimals: digits })
      : Math.abs(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: true });
  const rounded = Number(Math.abs(value).toFixed(digits));
  return value < 0 && rounded !== 0 ? `${minus}${text}` : text;
}

/** With an explicit sign (+3,1 / −0,4). */
export function formatSigned(lang: EffectLanguage, value: number, digits = 1): string {
  const text = formatNumber(lang, value, digits);
  return text.startsWith(minus) || Number(Math.abs(value).toFixed(digits)) === 0 ? text : `+${text}`;
}

/** Scale of the outcome as shown: shares become percentage points. */
export function outcomeScale(outcome: string): number {
  return outcomeUnit(outcome) === 'percentagePoints' ? 100 : 1;
}

const outcomeWords: Record<
  EffectLanguage,
  Record<EffectOutcomeCode, { heading: string; more: string; less: string; on: string; share: string }>
> = {
  da: {
    employment: { heading: 'Job', more: 'kom oftere i job', less: 'kom sjældnere i job', on: 'jobchancen', share: 'Andel i job' },
    education: {
      heading: 'Uddannelse',
      more: 'kom oftere i uddannelse',
      less: 'kom sjældnere i uddannelse',
      on: 'uddannelse',
      share: 'Andel i uddannelse',
    },
    self_support: {
      heading: 'Selvforsørgelse',
      more: 'blev oftere selvforsørgende',
      less: 'blev sjældnere selvforsørgende',
      on: 'selvforsørgelse',
      share: 'Andel selvforsørgende',
    },
    benefit_weeks_52: {
      heading: 'Uger på offentlig forsørgelse (12 mdr.)',
      more: 'var flere uger på offentlig forsørgelse det følgende år',
      less: 'var færre uger på offentlig forsørgelse det følgende år',
      on: 'ugerne på offentlig forsørgelse',
      share: 'Andel på offentlig forsørgelse',
    },
  },
  en: {
    employment: {
      heading: 'Jobs',
      more: 'were more often in a job',
      less: 'were less often in a job',
      on: 'jobs',
      share: 'Share in a job',
    },
    education: {
      heading: 'Education',
      more: 'were more often in education',
      less: 'were less often in education',
      on: 'education',
      share: 'Share in education',
    },
    self_support: {
      heading: 'Self-support',
      more: 'were more often self-supporting',
      less: 'were less often self-supporting',
      on: 'self-support',
      share: 'Share self-supporting',
    },
    benefit_weeks_52: {
      heading: 'Weeks on public benefits (12 months)',
      more: 'spent more weeks on public benefits the following year',
      less: 'spent fewer weeks on public benefits the following year',
      on: 'weeks on public benefits',
      share: 'Share on public benefits',
    },
  },
};

function wordsFor(lang: EffectLanguage, outcome: string) {
  const known = (outcomeWords[lang] as Record<string, (typeof outcomeWords)['da']['employment']>)[outcome];
  if (known) return known;
  return lang === 'da'
    ? { heading: outcome, more: `havde et højere ${outcome}`, less: `havde et lavere ${outcome}`, on: outcome, share: outcome }
    : { heading: outcome, more: `had a higher ${outcome}`, less: `had a lower ${outcome}`, on: outcome, share: outcome };
}

export function outcomeHeading(lang: EffectLanguage, outcome: string): string {
  return wordsFor(lang, outcome).heading;
}

export function outcomeShareLabel(lang: EffectLanguage, outcome: string): string {
  return wordsFor(lang, outcome).share;
}

function unitWord(lang: EffectLanguage, outcome: string): string {
  const unit = outcomeUnit(outcome);
  if (unit === 'percentagePoints') return lang === 'da' ? 'procentpoint' : 'percentage points';
  if (unit === 'weeks') return lang === 'da' ? 'uger' : 'weeks';
  return '';
}

export type EffectInterval = { estimate: number; ciLow: number; ciHigh: number };

/** Below this an interval end is zero up to rounding (an estimate of 1e-17 on identical groups is no difference). */
const numericalZero = 1e-9;

/** Whether the 95 % interval excludes no effect. */
export function isSignificant(r: EffectInterval): boolean {
  return r.ciLow > numericalZero || r.ciHigh < -numericalZero;
}

/**
 * The one sentence per outcome: when the interval covers 0 it says that no effect can be shown and gives
 * the range the interval allows; otherwise the direction, the estimate and the interval.
 * "Vi kan ikke påvise en effekt på jobchancen: forskellen er mellem −0,4 og +2,3 procentpoint" ·
 * "Borgere med mentor kom oftere i job: +3,1 procentpoint (1,2 til 5,0)".
 */
export function effectSentence(lang: EffectLanguage, input: EffectInterval & { outcome: string; horizonMonths?: number | null }): string {
  const scale = outcomeScale(input.outcome);
  const w = wordsFor(lang, input.outcome);
  const unit = unitWord(lang, input.outcome);
  const digits = outcomeUnit(input.outcome) === 'raw' ? 3 : 1;
  const [est, lo, hi] = [input.estimate * scale, input.ciLow * scale, input.ciHigh * scale];
  const after =
    input.horizonMonths && outcomeUnit(input.outcome) === 'percentagePoints'
      ? lang === 'da'
        ? ` efter ${input.horizonMonths} måneder`
        : ` after ${input.horizonMonths} months`
      : '';
  const u = unit ? ` ${unit}` : '';
  if (!isSignificant(input)) {
    return lang === 'da'
      ? `Vi kan ikke påvise en effekt på ${w.on}${after}: forskellen er mellem ${formatSigned(lang, lo, digits)} og ${formatSigned(lang, hi, digits)}${u}.`
      : `We cannot show an effect on ${w.on}${after}: the difference lies between ${formatSigned(lang, lo, digits)} and ${formatSigned(lang, hi, digits)}${u}.`;
  }
  const who = lang === 'da' ? 'Borgere med mentor' : 'Citizens with a mentor';
  const to = lang === 'da' ? 'til' : 'to';
  return `${who} ${est >= 0 ? w.more : w.less}${after}: ${formatSigned(lang, est, digits)}${u} (${formatNumber(lang, lo, digits)} ${to} ${formatNumber(lang, hi, digits)}).`;
}

/** A difference on the outcome's scale with its unit, e.g. "+4,9 procentpoint" (for the naive comparison). */
export function formatDifference(lang: EffectLanguage, outcome: string, value: number): string {
  const digits = outcomeUnit(outcome) === 'raw' ? 3 : 1;
  const unit = unitWord(lang, outcome);
  return `${formatSigned(lang, value * outcomeScale(outcome), digits)}${unit ? ` ${unit}` : ''}`;
}

/** One outcome of an effect analysis as the page and the PDF both show it (the fields the words need). */
export type EffectResultInput = {
  outcome: string;
  horizonMonths?: number;
  estimate: number;
  confidenceInterval: [number, number];
  nTreated: number;
  nTreatedMatched: number;
  nControlMatched: number;
  naiveDifference: number;
  placebo?: EffectInterval | null;
  horizons?: (EffectInterval & { months: number })[];
  subgroups?: Omit<SubgroupEffect, 'label'>[];
  warnings: EffectWarningInput[];
  sensitivity: SensitivityInput;
};

/** An estimate and its 95 % interval on the outcome's scale: '+3,1' and '1,2 – 5,0'; absent when not estimable. */
type EffectIntervalWords = { effect?: string; interval?: string };

export type EffectResultWords = {
  heading: string;
  sentence: string;
  comparison: string;
  placebo: string | null;
  horizons: ({ months: number } & EffectIntervalWords)[];
  /** treated: the number of citizens with a mentor, or the word for suppressed (then no effect either). */
  subgroups: ({ key: string; label: string; treated: string } & EffectIntervalWords)[];
  warnings: string[];
  sensitivity: string;
  caveat: string;
  /** The outcome as a share ("Andel i job"), which the month-by-month chart shows. */
  share: string;
  eventTimeAxis: string;
  eventTimeCaption: string;
};

/**
 * Every sentence and cell of one outcome, in the order the page and the PDF show them: heading, the one
 * sentence, who was compared with whom (and the plain difference), the placebo test, effects over time
 * and by subgroup, warnings, the sensitivity analysis and the caveat. The two only lay them out.
 */
export function effectResultWords(lang: EffectLanguage, r: EffectResultInput): EffectResultWords {
  const w = effectPageText[lang];
  const scale = outcomeScale(r.outcome);
  const intervalWords = (x: { estimate: number | null; ciLow: number | null; ciHigh: number | null }): EffectIntervalWords =>
    x.estimate === null || x.ciLow === null || x.ciHigh === null
      ? {}
      : {
          effect: formatSigned(lang, x.estimate * scale),
          interval: `${formatNumber(lang, x.ciLow * scale)} – ${formatNumber(lang, x.ciHigh * scale)}`,
        };
  const [ciLow, ciHigh] = r.confidenceInterval;
  const interval = { estimate: r.estimate, ciLow, ciHigh };
  const share = outcomeShareLabel(lang, r.outcome);
  return {
    heading: outcomeHeading(lang, r.outcome),
    sentence: effectSentence(lang, { outcome: r.outcome, ...interval, horizonMonths: r.horizonMonths }),
    comparison: `${w.compared(r.nTreatedMatched, r.nTreated, r.nControlMatched)} ${w.naive(formatDifference(lang, r.outcome, r.naiveDifference))}`,
    placebo: r.placebo
      ? w.placebo(
          `${isSignificant(r.placebo) ? w.placeboDiffers : w.placeboFine} ${effectSentence(lang, { outcome: r.outcome, ...r.placebo })}`,
        )
      : null,
    horizons: (r.horizons ?? []).map((h) => ({ months: h.months, ...intervalWords(h) })),
    subgroups: (r.subgroups ?? []).map((g) => ({
      key: g.key,
      label: subgroupLabel(lang, g.key),
      treated: g.nTreated === null ? w.suppressed : String(g.nTreated),
      ...(g.nTreated === null ? {} : intervalWords(g)),
    })),
    warnings: r.warnings.map((x) => warningText(lang, x)),
    sensitivity: sensitivityText(lang, r.sensitivity, isSignificant(interval)),
    caveat: caveatText(lang),
    share,
    eventTimeAxis: outcomeUnit(r.outcome) === 'percentagePoints' ? w.eventTimeYAxis : share,
    eventTimeCaption: w.eventTimeCaption(share),
  };
}

export type EventTimePoint = { month: number; treated: number; comparison: number };

/**
 * The month-by-month chart's scale, the same on the page and in the PDF: the points on the outcome's scale
 * (shares in %), the top of the value axis (10 % above the highest point, at least 1) and the labelled
 * ticks of both axes (months −12 to +24 around the start; 0 and half the top).
 */
export function eventTimeScale(lang: EffectLanguage, outcome: string, points: readonly EventTimePoint[]) {
  const scale = outcomeScale(outcome);
  const scaled = points.map((p) => ({ month: p.month, treated: p.treated * scale, comparison: p.comparison * scale }));
  const top = Math.max(1, ...scaled.flatMap((p) => [p.treated, p.comparison])) * 1.1;
  return {
    points: scaled,
    top,
    monthTicks: [-12, -6, 0, 6, 12, 18, 24].map((month) => ({ month, label: formatSigned(lang, month, 0) })),
    valueTicks: [0, top / 2].map((value) => ({ value, label: formatNumber(lang, value, 0) })),
  };
}

const covariateNames: Record<EffectLanguage, Record<string, string>> = {
  da: {
    age: 'Alder (år)',
    gender: 'Køn',
    origin: 'Herkomst',
    targetGroup: 'Målgruppe',
    publicWeeks52: 'Uger på offentlig forsørgelse, seneste år',
    publicWeeks156: 'Uger på offentlig forsørgelse, seneste 3 år',
    employedWeeks156: 'Uger i beskæftigelse, seneste 3 år',
  },
  en: {
    age: 'Age (years)',
    gender: 'Gender',
    origin: 'Origin',
    targetGroup: 'Target group',
    publicWeeks52: 'Weeks on public benefits, past year',
    publicWeeks156: 'Weeks on public benefits, past 3 years',
    employedWeeks156: 'Weeks employed, past 3 years',
  },
};

const levelNames: Record<EffectLanguage, Record<string, string>> = {
  da: {
    female: 'kvinde',
    male: 'mand',
    other: 'andet',
    danish: 'dansk',
    western: 'vestlig',
    non_western: 'ikke-vestlig',
    unknown: 'ukendt',
  },
  en: {
    female: 'woman',
    male: 'man',
    other: 'other',
    danish: 'Danish',
    western: 'Western',
    non_western: 'non-Western',
    unknown: 'unknown',
  },
};

const targetGroupEnglish: Record<TargetGroupCode, string> = {
  dagpenge: 'Unemployment insurance benefit',
  kontanthjaelp_jobparat: 'Cash benefit, job-ready',
  kontanthjaelp_aktivitetsparat: 'Cash benefit, activity-ready',
  uddannelseshjaelp_uddannelsesparat: 'Education benefit, education-ready',
  uddannelseshjaelp_aktivitetsparat: 'Education benefit, activity-ready',
  sygedagpenge: 'Sickness benefit',
  jobafklaring: 'Job clarification',
  ressourceforloeb: 'Resource programme',
  fleksjob_ledighedsydelse: 'Flex job / unemployment allowance',
  revalidering: 'Rehabilitation',
  foertidspension: 'Disability pension',
  selvforsoergende: 'Self-supporting unemployed',
  beskaeftiget: 'Employed',
  under_uddannelse: 'In ordinary education',
};

function levelLabel(lang: EffectLanguage, covariate: string, level: string): string {
  if (covariate === 'targetGroup' && level in targetGroupLabels) {
    return lang === 'da' ? targetGroupLabels[level as TargetGroupCode] : targetGroupEnglish[level as TargetGroupCode];
  }
  return levelNames[lang][level] ?? level;
}

/**
 * A covariate or a level of one as words: `origin=non_western` → "Herkomst: ikke-vestlig",
 * `publicWeeks156` → "Uger på offentlig forsørgelse, seneste 3 år". A CLI column keeps the analyst's name.
 */
export function covariateLabel(lang: EffectLanguage, name: string): string {
  const at = name.indexOf('=');
  if (at < 0) return covariateNames[lang][name] ?? name;
  const covariate = name.slice(0, at);
  return `${covariateNames[lang][covariate] ?? covariate}: ${levelLabel(lang, covariate, name.slice(at + 1))}`;
}

export type EffectWarningInput = { code: string; params?: Record<string, number | string | null>; covariates?: string[] };

/** Each warning as what it means and what to do about it. */
export function warningText(lang: EffectLanguage, w: EffectWarningInput): string {
  const p = w.params ?? {};
  const n = (key: string) => (typeof p[key] === 'number' ? formatNumber(lang, p[key], 0) : '?');
  const list = (w.covariates ?? []).map((c) => covariateLabel(lang, c)).join(', ');
  const da: Record<string, string> = {
    IMBALANCE_AFTER_MATCHING: `Grupperne er stadig forskellige efter sammenligningen på: ${list}. Tolk tallet med forsigtighed; prøv en kortere periode eller færre målgrupper, eller bed en analytiker tilføje forklarende oplysninger.`,
    NOT_RANDOMISED: `Grupperne er forskellige på: ${list}. En simpel forskel gælder kun for lodtrækningsforsøg; brug matchning i stedet.`,
    CALIPER_DROPPED_TREATED: `${n('dropped')} af ${n('nTreated')} borgere med mentor fandt ingen sammenlignelig borger uden mentor og er ikke med i tallet. Tallet gælder kun de sammenlignede; vælg en længere periode for at få flere med.`,
    CONTROLS_REUSED: `Få borgere uden mentor bærer sammenligningen: ${n('nControlMatched')} for ${n('nTreatedMatched')} med mentor, én bruges ${n('maxUses')} gange. Tallet afhænger meget af dem; vælg en længere periode eller flere målgrupper.`,
    SEPARATION: `Nogle kombinationer af oplysninger forudsiger næsten sikkert, hvem der får mentor, så der findes ikke sammenlignelige borgere for alle. Vælg færre eller bredere målgrupper, eller en længere periode.`,
    COLLINEAR_COVARIATES: `To eller flere oplysninger siger det samme om borgerne. Tallet er stadig gyldigt, men oplysningernes enkelte vægt kan ikke fortolkes; en analytiker kan fjerne den ene.`,
    POOR_OVERLAP: `${n('outside')} af ${n('nTreated')} borgere med mentor ligner ingen borger uden mentor; for dem bygger sammenligningen på en fremskrivning. Vælg en længere periode eller flere målgrupper.`,
    EXTREME_WEIGHTS: `Enkelte borgere uden mentor vejer meget i sammenligningen (effektivt ${n('effectiveSampleSize')} af ${n('nControlMatched')}). Brug matchning i stedet for vægtning.`,
    SUBCLASS_WITHOUT_CONTROLS: `${n('dropped')} borgere med mentor faldt i grupper uden borgere at sammenligne med og er ikke med. Brug færre grupper eller matchning.`,
    BOOTSTRAP_INVALID_FOR_MATCHING: `Bootstrap giver ikke et gyldigt interval ved matchning med tilbagelægning (Abadie og Imbens 2008). Brug standardfejlen uden bootstrap.`,
    PLACEBO_EXCLUDES_ZERO: `Grupperne var allerede forskellige før starten (placebotesten viser en forskel). Effekten kan være overvurderet eller undervurderet; sammenlign med udviklingen måned for måned, og tolk tallet med forsigtighed.`,
  };
  const en: Record<string, string> = {
    IMBALANCE_AFTER_MATCHING: `The groups still differ after the comparison on: ${list}. Read the figure with care; try a shorter period or fewer target groups, or ask an analyst to add explanatory information.`,
    NOT_RANDOMISED: `The groups differ on: ${list}. A plain difference is only valid for randomised trials; use matching instead.`,
    CALIPER_DROPPED_TREATED: `${n('dropped')} of ${n('nTreated')} citizens with a mentor found no comparable citizen without one and are left out. The figure covers only those compared; choose a longer period to include more.`,
    CONTROLS_REUSED: `Few citizens without a mentor carry the comparison: ${n('nControlMatched')} for ${n('nTreatedMatched')} with a mentor, one used ${n('maxUses')} times. The figure depends heavily on them; choose a longer period or more target groups.`,
    SEPARATION: `Some combinations of information predict almost surely who gets a mentor, so not everyone has comparable citizens. Choose fewer or broader target groups, or a longer period.`,
    COLLINEAR_COVARIATES: `Two or more pieces of information say the same about the citizens. The figure is still valid, but their separate weights cannot be interpreted; an analyst can drop one.`,
    POOR_OVERLAP: `${n('outside')} of ${n('nTreated')} citizens with a mentor resemble no citizen without one; for them the comparison rests on extrapolation. Choose a longer period or more target groups.`,
    EXTREME_WEIGHTS: `A few citizens without a mentor weigh heavily in the comparison (effectively ${n('effectiveSampleSize')} of ${n('nControlMatched')}). Use matching instead of weighting.`,
    SUBCLASS_WITHOUT_CONTROLS: `${n('dropped')} citizens with a mentor fell in subclasses without anyone to compare with and are left out. Use fewer subclasses or matching.`,
    BOOTSTRAP_INVALID_FOR_MATCHING: `The bootstrap does not give a valid interval for matching with replacement (Abadie and Imbens 2008). Use the standard error without the bootstrap.`,
    PLACEBO_EXCLUDES_ZERO: `The groups already differed before the start (the placebo test shows a difference). The effect may be over- or underestimated; compare with the month-by-month development and read the figure with care.`,
  };
  const text = (lang === 'da' ? da : en)[w.code];
  return text ?? (lang === 'da' ? 'Ukendt advarsel fra beregningen.' : 'Unknown warning from the estimate.');
}

export type SensitivityInput = { method: string; gamma: number | null; eValue: number | null; eValueConfidenceLimit: number | null };

/** How strong a hidden difference between the groups would have to be to explain the result away. */
export function sensitivityText(lang: EffectLanguage, s: SensitivityInput, significant: boolean): string {
  const f = (x: number) => formatNumber(lang, x, 2);
  const parts: string[] = [];
  if (!significant) {
    parts.push(
      lang === 'da'
        ? 'Da der ikke kan påvises en effekt, er der ingen effekt for en skjult forskel at bortforklare.'
        : 'As no effect can be shown, there is no effect for a hidden difference to explain away.',
    );
    return parts.join(' ');
  }
  if (s.method === 'rosenbaum' && s.gamma !== null && s.gamma > 1) {
    parts.push(
      lang === 'da'
        ? `Hvis en uregistreret forskel (fx motivation) gjorde ellers ens borgere ${f(s.gamma)} gange så tilbøjelige til at få mentor, ville effekten ikke længere være sikker (Γ = ${f(s.gamma)}).`
        : `If an unrecorded difference (e.g. motivation) made otherwise similar citizens ${f(s.gamma)} times as likely to get a mentor, the effect would no longer be certain (Γ = ${f(s.gamma)}).`,
    );
  }
  if (s.eValue !== null) {
    parts.push(
      lang === 'da'
        ? `For at bortforklare tallet skulle en sådan forskel hænge mindst ${f(s.eValue)} gange sammen med både mentorstøtte og resultatet (E-værdi)${s.eValueConfidenceLimit !== null ? `; ${f(s.eValueConfidenceLimit)} for at intervallet når 0` : ''}.`
        : `To explain the figure away, such a difference would need a risk ratio of at least ${f(s.eValue)} with both mentor support and the outcome (E-value)${s.eValueConfidenceLimit !== null ? `; ${f(s.eValueConfidenceLimit)} for the interval to reach 0` : ''}.`,
    );
  }
  return parts.join(' ') || (lang === 'da' ? 'Følsomheden kunne ikke beregnes.' : 'The sensitivity could not be computed.');
}

/** What the figure cannot show: the caveat under every result. */
export function caveatText(lang: EffectLanguage): string {
  return lang === 'da'
    ? 'Hvad tallet ikke kan vise: Sammenligningen tager kun højde for de oplysninger, der er med. Forskelle i fx motivation, helbred eller netværk, som ikke er registreret, kan stadig forklare en del af forskellen.'
    : 'What the figure cannot show: the comparison accounts only for the information included. Unrecorded differences such as motivation, health or network may still explain part of the difference.';
}

/**
 * What is known from elsewhere: STAR, Denmark's only randomised mentor trial (2012–13, young vulnerable
 * recipients of cash or education benefit), so a reader can place the municipality's estimate.
 */
export function starContextText(lang: EffectLanguage): string {
  return lang === 'da'
    ? 'Til sammenligning: I STAR-forsøget (2012–13), Danmarks eneste lodtrækningsforsøg med mentorstøtte, kom unge udsatte kontant- og uddannelseshjælpsmodtagere med mentor efter et år ca. 2 procentpoint oftere i job og 4 procentpoint oftere i uddannelse end dem uden. For dem med et karaktergennemsnit under 4 fra 9. klasse var effekten på uddannelse 7 til 10 procentpoint. Resultaterne gælder unge under 30 og kan ikke direkte overføres til andre målgrupper.'
    : 'For comparison: in the STAR trial (2012–13), Denmark’s only randomised trial of mentor support, young vulnerable recipients of cash or education benefit with a mentor were after one year about 2 percentage points more often in a job and 4 percentage points more often in education than those without. For those with a 9th-grade average below 4 the effect on education was 7 to 10 percentage points. The results apply to young people under 30 and do not carry over directly to other target groups.';
}

/** One subgroup's effect in the in-app analysis (its 95 % interval; estimate and n null when suppressed). */
export type SubgroupEffect = {
  key: string;
  /** Danish label (the page and the PDF show the reader's language via subgroupLabel). */
  label: string;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** null when suppressed (fewer than 5). */
  nTreated: number | null;
};

/** Subgroup keys of the in-app analysis (`age:under30`, `gender:female`, `targetGroup:<code>`) as words. */
export function subgroupLabel(lang: EffectLanguage, key: string): string {
  if (key === 'age:under30') return lang === 'da' ? 'Under 30 år' : 'Under 30';
  if (key === 'age:30plus') return lang === 'da' ? '30 år og derover' : '30 and over';
  const [covariate, level] = key.split(':') as [string, string];
  const label = levelLabel(lang, covariate, level);
  if (covariate === 'gender') return label.charAt(0).toUpperCase() + label.slice(1);
  return label;
}

/** The fixed words of the effect page and the PDF report, Danish and English. */
export const effectPageText = {
  da: {
    title: 'Effekt af mentorstøtte',
    intro:
      'Borgere, der startede deres første mentorforløb i perioden, sammenlignes med borgere i samme målgruppe, som på samme tidspunkt endnu ikke havde fået mentor, og som lignede dem på alder, køn, herkomst, målgruppe og tidligere forsørgelse og beskæftigelse.',
    type: 'Type mentorstøtte',
    from: 'Første start fra',
    to: 'Første start til',
    horizon: 'Måneder efter start',
    run: 'Beregn',
    failed:
      'Analysen kunne ikke gennemføres. Kontroller perioden (der skal være borgere, der startede et første mentorforløb i den) og prøv igen.',
    compared: (treatedMatched: number, treated: number, controls: number) =>
      `${treatedMatched} af ${treated} borgere med mentor blev sammenlignet med ${controls} forskellige borgere uden mentor.`,
    naive: (text: string) => `Den simple forskel uden sammenligning var ${text}.`,
    contextHeading: 'Hvad vi ved fra andre undersøgelser',
    eventTimeCaption: (share: string) =>
      `${share} måned for måned fra 12 måneder før til 24 måneder efter starten. Blå: borgere med mentor; grå: de sammenlignede borgere uden mentor. Den lodrette streg er starten. Før starten bør linjerne ligge oven i hinanden.`,
    eventTimeXAxis: 'Måneder fra start',
    eventTimeYAxis: 'Andel (%)',
    eventTimeLabel: (share: string) => `${share} måned for måned før og efter start, med og uden mentor`,
    withMentor: 'Med mentor',
    comparison: 'Sammenligning',
    month: 'Måned',
    horizonsHeading: 'Effekt over tid',
    horizonMonths: 'Måneder efter start',
    effect: 'Effekt',
    interval: '95 %-interval',
    subgroupsHeading: 'For hvem virker det?',
    subgroup: 'Gruppe',
    nTreated: 'Borgere med mentor',
    suppressed: 'færre end 5',
    placebo: (text: string) => `Placebotest: samme sammenligning på tiden før starten (6 til 1 måned før). ${text}`,
    placeboFine: 'Grupperne var ens før starten, som de bør være.',
    placeboDiffers: 'Grupperne var allerede forskellige før starten.',
    details: 'Detaljer for analytikere',
    balanceHeading: 'Balance (standardiseret forskel før og efter matchning)',
    covariate: 'Oplysning',
    meanTreated: 'Med mentor',
    meanControl: 'Sammenligning',
    before: 'Før',
    after: 'Efter',
    overlapLabel: 'Overlap: fordeling af sandsynligheden for at få mentor for borgere med og uden mentor',
    overlapCaption:
      'Øverst (grå): borgere uden mentor; nederst (blå): borgere med mentor, efter sandsynligheden for at få mentor. Overlap betyder, at der findes sammenlignelige borgere.',
    overlapXAxis: 'Sandsynlighed for at få mentor (0 til 1)',
    overlapYAxis: 'Antal borgere',
    sensitivity: 'Følsomhed',
    warnings: 'Det skal du være opmærksom på',
    savedHeading: 'Gemte analyser',
    savedNone: 'Ingen gemte analyser endnu.',
    ranBy: 'Kørt af',
    ranAt: 'Tidspunkt',
    period: 'Periode',
    parameters: 'Valg',
    status: 'Status',
    open: 'Åbn',
    delete: 'Slet',
    deleteConfirm: 'Slet analysen? Det kan ikke fortrydes.',
    statusText: { running: 'i gang', done: 'færdig', failed: 'fejlet' } as Record<string, string>,
    downloadPdf: 'Hent som PDF',
    downloadXlsx: 'Hent som Excel',
    downloadCsv: 'Hent som CSV',
    openedAnalysis: (by: string, at: string) => `Analyse kørt af ${by} ${at}.`,
    months: 'måneder',
    pdfTitle: 'Effekt af mentorstøtte',
    pdfMeta: (period: string, by: string, at: string) => `Periode: ${period} · kørt af ${by} · ${at}`,
  },
  en: {
    title: 'Effect of mentor support',
    intro:
      'Citizens who started their first mentor course in the period are compared with citizens in the same target group who had not yet had a mentor at the same time and who resembled them in age, gender, origin, target group and past benefits and employment.',
    type: 'Type of mentor support',
    from: 'First start from',
    to: 'First start to',
    horizon: 'Months after start',
    run: 'Calculate',
    failed:
      'The analysis could not be completed. Check the period (some citizens must have started a first mentor course in it) and try again.',
    compared: (treatedMatched: number, treated: number, controls: number) =>
      `${treatedMatched} of ${treated} citizens with a mentor were compared with ${controls} distinct citizens without one.`,
    naive: (text: string) => `The plain difference without comparison was ${text}.`,
    contextHeading: 'What we know from other studies',
    eventTimeCaption: (share: string) =>
      `${share} month by month from 12 months before to 24 months after the start. Blue: citizens with a mentor; grey: the compared citizens without one. The vertical line is the start. Before the start the lines should lie on top of each other.`,
    eventTimeXAxis: 'Months from start',
    eventTimeYAxis: 'Share (%)',
    eventTimeLabel: (share: string) => `${share} month by month before and after the start, with and without a mentor`,
    withMentor: 'With a mentor',
    comparison: 'Comparison',
    month: 'Month',
    horizonsHeading: 'Effect over time',
    horizonMonths: 'Months after start',
    effect: 'Effect',
    interval: '95 % interval',
    subgroupsHeading: 'For whom does it work?',
    subgroup: 'Group',
    nTreated: 'Citizens with a mentor',
    suppressed: 'fewer than 5',
    placebo: (text: string) => `Placebo test: the same comparison on the time before the start (6 to 1 months before). ${text}`,
    placeboFine: 'The groups were alike before the start, as they should be.',
    placeboDiffers: 'The groups already differed before the start.',
    details: 'Details for analysts',
    balanceHeading: 'Balance (standardised difference before and after matching)',
    covariate: 'Information',
    meanTreated: 'With a mentor',
    meanControl: 'Comparison',
    before: 'Before',
    after: 'After',
    overlapLabel: 'Overlap: distribution of the probability of getting a mentor for citizens with and without one',
    overlapCaption:
      'Top (grey): citizens without a mentor; bottom (blue): citizens with a mentor, by the probability of getting one. Overlap means comparable citizens exist.',
    overlapXAxis: 'Probability of getting a mentor (0 to 1)',
    overlapYAxis: 'Number of citizens',
    sensitivity: 'Sensitivity',
    warnings: 'Points to note',
    savedHeading: 'Saved analyses',
    savedNone: 'No saved analyses yet.',
    ranBy: 'Run by',
    ranAt: 'Time',
    period: 'Period',
    parameters: 'Choices',
    status: 'Status',
    open: 'Open',
    delete: 'Delete',
    deleteConfirm: 'Delete the analysis? This cannot be undone.',
    statusText: { running: 'running', done: 'done', failed: 'failed' } as Record<string, string>,
    downloadPdf: 'Download PDF',
    downloadXlsx: 'Download Excel',
    downloadCsv: 'Download CSV',
    openedAnalysis: (by: string, at: string) => `Analysis run by ${by} ${at}.`,
    months: 'months',
    pdfTitle: 'Effect of mentor support',
    pdfMeta: (period: string, by: string, at: string) => `Period: ${period} · run by ${by} · ${at}`,
  },
};
