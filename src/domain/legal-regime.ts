/**
 * Legal regimes as data (domain spec §0.2, §8.3): every parameter the rules use is stored per regime
 * with validity dates and can be edited by an admin; the regime is chosen by the agreement date.
 * Values marked [U] are uncertain in the sources and must be verified before go-live.
 */
import { compareDates, isCalendarDate, type CalendarDate } from './calendar-date.ts';
import { grantTypes, type GrantType } from './mentor-grant.ts';
import { targetGroupCodes, type TargetGroupCode } from './target-group.ts';

export const regimeIds = ['LAB-2014', 'LAB-2016', 'LAB-2019', 'LAB-2020', 'KH-2025', 'REFORM-2026a', 'ACT-2027'] as const;

export const refundClasses = ['inside_frame', 'outside_frame', 'none'] as const;
export type RefundClass = (typeof refundClasses)[number];
export type RefundRule = { class: RefundClass; until?: CalendarDate };

export const contactForms = ['physical', 'phone', 'video', 'message'] as const;
export type ContactForm = (typeof contactForms)[number];

export type RegimeParameters = {
  /** R-DUR-1: max months of one period; null = no statutory cap in this regime. */
  maxPeriodMonths: number | null;
  /** R-ROP-2: planned length of a ret-og-pligt period. */
  retOgPligtPeriodMonths: number;
  /**
   * R-ROP-5: at least one contact per this many weeks (1 in 2014–15, 2 from 2016); null = no statutory
   * contact minimum (LAB-2020 onwards: none found [NF], delivery is checked against the agreed hours, R-DEL-1).
   */
  retOgPligtContactIntervalWeeks: number | null;
  /** R-ROP-6: contact forms that count without a "special circumstances" justification. */
  allowedContactForms: ContactForm[];
  /** R-ROP-8 [U]: from this date the ret-og-pligt rules need legal review; null = not needed. */
  retOgPligtReviewRequiredFrom: CalendarDate | null;
  /** R-PSY-1: months before discharge a psych-discharge mentor may start. */
  psychPreDischargeMonths: number;
  /** R-PSY-2: minimum total months of psych-discharge support. */
  psychMinTotalMonths: number;
  /** R-YTH-1: months from admission within which the youth mentor is a right, and max period. */
  youthRightMonths: number;
  /** R-YTH-1: a right (LAB-2020 § 167 stk. 3) or a can-rule (2014–19). */
  youthRightIsEntitlement: boolean;
  youthMaxAge: number;
  /** R-FIN-3: state refund rate of eligible spend. */
  refundRate: number;
  /** R-FIN-1/2/4: refund class by the citizen's target group on the agreement date. */
  refundTable: Record<TargetGroupCode, RefundRule>;
  /** Grant types refunded regardless of group (psych discharge inside the frame, spec §1.5). */
  refundByGrantType: Partial<Record<GrantType, RefundClass>>;
  /** R-FIN-5 [U]: budget-guarantee ceiling in kr. per full-time person (draft 10,602 kr.). */
  budgetCeilingRatePerFte: number | null;
  /**
   * R-FIN-5: false while the rate is the draft placeholder [NF]; an admin confirms it with a source note
   * (audited). Shown to staff as "ikke bekræftet" until then. Missing in regimes stored before issue 13 = false.
   */
  budgetCeilingRateVerified?: boolean;
  budgetCeilingRateSourceNote?: string | null;
  /**
   * R-REG-1: the mentor types offered for agreements in this regime. Missing in regimes stored before
   * issue 13: then the statutory types of the regime's start date apply (statutoryGrantTypes).
   */
  offeredGrantTypes?: GrantType[];
  /** R-REG-1: the admin's recorded reason for offering a type the law does not provide in this regime. */
  offeredGrantTypesReason?: string | null;
  /**
   * R-REG-2: a draft regime (the 2027 main act, expected but not enacted [NF]) is ignored when choosing the
   * regime of an agreement date until an admin confirms it with a note (audited). Missing = confirmed.
   */
  draft?: boolean;
  confirmationNote?: string | null;
  /** The regime's own target-group list when it replaces § 6 (the 2027 act: 5 groups [NF]). */
  targetGroupList?: { code: string; label: string }[];
  /** Complaint deadline written in the agreement (4 weeks, [E32]). */
  complaintDeadlineWeeks: number;
  /** The legal basis per grant type, written in the agreement. */
  legalBasis: Record<GrantType, string>;
  /** Accounting function for non-refundable mentor costs ([E9]). */
  accountingFunctionNonRefundable: string | null;
};

export type LegalRegime = {
  id: string;
  name: string;
  validFrom: CalendarDate;
  validTo: CalendarDate | null;
  parameters: RegimeParameters;
  sources: string[];
};

/** From this date mentor support is LAB kapitel 26 (lov nr. 548 af 7. maj 2019) [V] (law update 2026-12 §1). */
export const lab2020From: CalendarDate = '2020-01-01';

/**
 * R-REG-1: the mentor types the law provides for agreements in a regime starting on `validFrom`. The
 * ret-og-pligt mentor exists 2014-01-01 – 2019-12-31 only: LAB 2020 § 102 gives ret og pligt to offers in
 * kapitel 11–14, and mentor support (kapitel 26) is not among them [I] (law update 2026-12 §1).
 */
export function statutoryGrantTypes(validFrom: CalendarDate): GrantType[] {
  return compareDates(validFrom, lab2020From) < 0 ? [...grantTypes] : grantTypes.filter((t) => t !== 'RET_OG_PLIGT');
}

/** R-REG-1: the types a caseworker may grant under this regime (regime data, switchable by an admin). */
export function grantTypesOffered(regime: Pick<LegalRegime, 'validFrom' | 'parameters'>): GrantType[] {
  return regime.parameters.offeredGrantTypes ?? statutoryGrantTypes(regime.validFrom);
}

/** R-REG-1: types an admin has switched on beyond the law; each needs a recorded reason. */
export function typesBeyondStatute(regime: Pick<LegalRegime, 'validFrom' | 'parameters'>): GrantType[] {
  const statutory = statutoryGrantTypes(regime.validFrom);
  return grantTypesOffered(regime).filter((t) => !statutory.includes(t));
}

function covers(regime: LegalRegime, date: CalendarDate): boolean {
  return compareDates(regime.validFrom, date) <= 0 && (regime.validTo === null || compareDates(date, regime.validTo) <= 0);
}

/**
 * The regime of an agreement date: the confirmed regime covering it, the latest-starting one when an open
 * regime and a confirmed successor both cover it. Draft regimes are ignored (R-REG-2).
 */
export function findRegimeOn(regimes: readonly LegalRegime[], date: CalendarDate): LegalRegime | null {
  let found: LegalRegime | null = null;
  for (const regime of regimes) {
    if (regime.parameters.draft === true || !covers(regime, date)) continue;
    if (found === null || compareDates(regime.validFrom, found.validFrom) > 0) found = regime;
  }
  return found;
}

/** R-REG-2: an unconfirmed draft regime that would cover the date once confirmed. */
export function findDraftRegimeOn(regimes: readonly LegalRegime[], date: CalendarDate): LegalRegime | null {
  return regimes.find((r) => r.parameters.draft === true && covers(r, date)) ?? null;
}

function table(inside: TargetGroupCode[], outside: TargetGroupCode[], extra: Partial<Record<TargetGroupCode, RefundRule>> = {}) {
  const result = {} as Record<TargetGroupCode, RefundRule>;
  for (const code of targetGroupCodes) {
    result[code] = { class: inside.includes(code) ? 'inside_frame' : outside.includes(code) ? 'outside_frame' : 'none' };
  }
  return { ...result, ...extra };
}

const basis2014: Record<GrantType, string> = {
  GENERAL: 'LAB § 31 b, stk. 1',
  RET_OG_PLIGT: 'LAB § 31 b og §§ 93 / 96 c (ret og pligt)',
  PSYCH_DISCHARGE: 'LAB § 31 b, stk. 2',
  PRISON_RELEASE: 'LAB § 31 b, stk. 1',
  COMPANY: 'LAB §§ 31 b, 31 d og 31 e',
  EDUCATION_INST: 'LAB §§ 31 b, 31 d og 31 e',
  // Issue 13: no unverified section number in a text printed for citizens; §§ 31 b–31 e is verified.
  YOUTH_EDUCATION: 'LAB kapitel 9 b (§§ 31 b–31 e)',
};
const basis2020: Record<GrantType, string> = {
  GENERAL: 'LAB § 167, stk. 1',
  // R-REG-1: only when an admin switches the type on; no ret-og-pligt mentor was found in LAB 2020 [NF].
  RET_OG_PLIGT: 'LAB § 167, stk. 1',
  PSYCH_DISCHARGE: 'LAB § 167, stk. 2',
  PRISON_RELEASE: 'LAB § 167, stk. 1',
  COMPANY: 'LAB §§ 167–170',
  EDUCATION_INST: 'LAB §§ 167–170',
  YOUTH_EDUCATION: 'LAB § 167, stk. 3',
};

const common = {
  maxPeriodMonths: 6,
  offeredGrantTypes: [...grantTypes] as GrantType[],
  offeredGrantTypesReason: null,
  retOgPligtPeriodMonths: 6,
  allowedContactForms: ['physical'] as ContactForm[],
  retOgPligtReviewRequiredFrom: null,
  psychPreDischargeMonths: 3,
  psychMinTotalMonths: 6,
  youthRightMonths: 6,
  youthMaxAge: 30,
  refundRate: 0.5,
  refundByGrantType: {},
  budgetCeilingRatePerFte: null,
  budgetCeilingRateVerified: false,
  budgetCeilingRateSourceNote: null,
  draft: false,
  confirmationNote: null,
  targetGroupList: [] as { code: string; label: string }[],
  complaintDeadlineWeeks: 4,
};

// 2014–2018: inside the frame for the listed groups, outside for ressourceforløb/jobafklaring (spec §1.5).
const tableBefore2019 = table(
  [
    'kontanthjaelp_aktivitetsparat',
    'uddannelseshjaelp_uddannelsesparat',
    'uddannelseshjaelp_aktivitetsparat',
    'sygedagpenge',
    'foertidspension',
    'fleksjob_ledighedsydelse',
    'revalidering',
    'selvforsoergende',
  ],
  ['ressourceforloeb', 'jobafklaring'],
);
// R-FIN-6: from 2019 (L 76 2018-19) the 50 % refund of mentor costs remains only for § 2 nr. 1 / § 6 nr. 1
// (dagpenge), within the rådighedsbeløb; aktivitetsparate and the other cash-benefit groups — and, as the
// refund remains "only" for dagpenge, ressourceforløb too [I] — have none (law update 2026-12 §2, which
// overrides spec §1.5).
const tableAfter2019 = table(['dagpenge'], []);

// 2014–2018: ret-og-pligt mentors with a contact minimum; 50 % refund inside the frame (R-FIN-2) for the groups
// of § 118 stk. 5 (§ 2 nr. 3, 8–10, 12, 13, § 31 b stk. 2) and § 118 a stk. 2 (§ 2 nr. 4–7) [E3], none for § 2
// nr. 1–2, employed, students; ressourceforløb/jobafklaring kept outside the frame [U].
const parameters2014To2018 = {
  ...common,
  youthRightIsEntitlement: false,
  refundTable: tableBefore2019,
  refundByGrantType: { PSYCH_DISCHARGE: 'inside_frame' as const },
  legalBasis: basis2014,
};
// R-REG-1: no ret-og-pligt mentor and no statutory contact minimum from 2020 [I/NF] (law update 2026-12 §1).
const parametersFrom2020 = {
  ...common,
  offeredGrantTypes: statutoryGrantTypes('2020-01-01'),
  retOgPligtContactIntervalWeeks: null,
  youthRightIsEntitlement: true,
  refundTable: tableAfter2019,
  legalBasis: basis2020,
  accountingFunctionNonRefundable: '5.68.90.018',
};

export const defaultLegalRegimes: LegalRegime[] = [
  {
    id: 'LAB-2014',
    name: 'Kontanthjælpsreformen 2014 (LAB kap. 9 b)',
    validFrom: '2014-01-01',
    validTo: '2015-12-31',
    parameters: { ...parameters2014To2018, retOgPligtContactIntervalWeeks: 1, accountingFunctionNonRefundable: '5.68.98.019' },
    sources: ['S2', 'S4', 'E30'],
  },
  {
    id: 'LAB-2016',
    name: 'L 66 (2015-16): kontakt hver anden uge, rådighedsbeløb',
    // [U] exact day of entry into force (spec §0.2).
    validFrom: '2016-01-01',
    validTo: '2018-12-31',
    parameters: { ...parameters2014To2018, retOgPligtContactIntervalWeeks: 2, accountingFunctionNonRefundable: '5.68.90.018' },
    sources: ['E3', 'E4', 'E6'],
  },
  {
    id: 'LAB-2019',
    name: 'L 76 (2018-19): refusion afskaffet, budgetgaranti',
    validFrom: '2019-01-01',
    validTo: '2019-12-31',
    parameters: {
      ...common,
      retOgPligtContactIntervalWeeks: 2,
      youthRightIsEntitlement: false,
      // R-FIN-4: abolished from 2019-01-01, for the sygedagpenge group from 2019-07-01 (dagpenge had none).
      refundTable: { ...tableAfter2019, sygedagpenge: { class: 'inside_frame', until: '2019-06-30' } },
      legalBasis: basis2014,
      accountingFunctionNonRefundable: '5.68.90.018',
    },
    sources: ['E18', 'E19'],
  },
  {
    id: 'LAB-2020',
    name: 'LAB 2020 (lov nr. 548 af 7. maj 2019), kap. 26',
    validFrom: '2020-01-01',
    validTo: '2025-06-30',
    parameters: { ...parametersFrom2020 },
    sources: ['E1', 'E56', 'E57'],
  },
  {
    id: 'KH-2025',
    name: 'Nyt kontanthjælpssystem (1. juli 2025)',
    validFrom: '2025-07-01',
    validTo: '2026-01-31',
    parameters: { ...parametersFrom2020 },
    sources: ['E27', 'E22'],
  },
  {
    id: 'REFORM-2026a',
    name: 'Beskæftigelsesreformen, 1. spor (lov nr. 1750 af 29. december 2025)',
    validFrom: '2026-02-01',
    validTo: null,
    parameters: {
      ...parametersFrom2020,
      // R-ROP-8 [U]: more flexible offers from 2026-07-01; ret-og-pligt rules need review.
      retOgPligtReviewRequiredFrom: '2026-07-01',
      // R-FIN-5 [U]: draft rate of L 77 (2025-26).
      budgetCeilingRatePerFte: 10602,
    },
    sources: ['E20', 'E21', 'E22'],
  },
];

/**
 * The expected 2027 main act as a draft regime (law update 2026-12 §3; [V] expected, [NF] enacted, no law
 * number): 13 target groups become 5, every kontanthjælp recipient starts as jobparat, the youth right to a
 * mentor (§ 167 stk. 3) is abolished [S], general mentor support appears to continue [I]. Inactive until an
 * admin confirms it (R-REG-2); its group names are placeholders until then.
 */
const reform2026a = defaultLegalRegimes.find((r) => r.id === 'REFORM-2026a')!;
export const act2027StartDate: CalendarDate = '2027-01-01';
defaultLegalRegimes.push({
  id: 'ACT-2027',
  name: 'Ny beskæftigelseslov (forventet 1. januar 2027)',
  validFrom: act2027StartDate,
  validTo: null,
  parameters: {
    ...reform2026a.parameters,
    draft: true,
    confirmationNote: null,
    offeredGrantTypes: statutoryGrantTypes(act2027StartDate).filter((t) => t !== 'YOUTH_EDUCATION'),
    youthRightIsEntitlement: false,
    retOgPligtReviewRequiredFrom: null,
    targetGroupList: [1, 2, 3, 4, 5].map((n) => ({ code: `maalgruppe_${n}`, label: `Målgruppe ${n} (navn ikke bekræftet)` })),
  },
  sources: ['Lovopdatering december 2026, afsnit 3'],
});

/** R-REG-3: kontanthjælp groups whose recipients all start as jobparat under the 2027 act [S]. */
export const groupsBecomingJobparat2027: readonly TargetGroupCode[] = [
  'kontanthjaelp_aktivitetsparat',
  'uddannelseshjaelp_uddannelsesparat',
  'uddannelseshjaelp_aktivitetsparat',
];

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** Validates regime parameters coming from JSON (an admin's edit or the database). */
export function validateRegimeParameters(json: unknown): ValidationResult<RegimeParameters> {
  const errors: string[] = [];
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, errors: ['parameters must be an object'] };
  const p = json as Record<string, unknown>;
  const positive = (key: string, allowNull = false) => {
    const v = p[key];
    if (allowNull && v === null) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0)
      errors.push(`${key} must be a positive number${allowNull ? ' or null' : ''}`);
  };
  positive('maxPeriodMonths', true);
  positive('retOgPligtPeriodMonths');
  positive('retOgPligtContactIntervalWeeks', true);
  positive('psychPreDischargeMonths');
  positive('psychMinTotalMonths');
  positive('youthRightMonths');
  positive('youthMaxAge');
  positive('complaintDeadlineWeeks');
  positive('budgetCeilingRatePerFte', true);
  if (typeof p.refundRate !== 'number' || p.refundRate < 0 || p.refundRate > 1) errors.push('refundRate must be between 0 and 1');
  if (typeof p.youthRightIsEntitlement !== 'boolean') errors.push('youthRightIsEntitlement must be true or false');
  if (p.retOgPligtReviewRequiredFrom !== null && !isCalendarDate(p.retOgPligtReviewRequiredFrom)) {
    errors.push('retOgPligtReviewRequiredFrom must be a date or null');
  }
  if (p.accountingFunctionNonRefundable !== null && typeof p.accountingFunctionNonRefundable !== 'string') {
    errors.push('accountingFunctionNonRefundable must be text or null');
  }
  if (!Array.isArray(p.allowedContactForms) || p.allowedContactForms.some((f) => !(contactForms as readonly unknown[]).includes(f))) {
    errors.push(`allowedContactForms must list some of ${contactForms.join(', ')}`);
  }
  const refundTable = p.refundTable as Record<string, unknown> | undefined;
  if (typeof refundTable !== 'object' || refundTable === null) errors.push('refundTable must be an object');
  else {
    for (const code of targetGroupCodes) {
      const rule = refundTable[code] as { class?: unknown; until?: unknown } | undefined;
      if (!rule || !(refundClasses as readonly unknown[]).includes(rule.class))
        errors.push(`refundTable.${code}.class must be one of ${refundClasses.join(', ')}`);
      else if (rule.until !== undefined && !isCalendarDate(rule.until)) errors.push(`refundTable.${code}.until must be a date`);
    }
    for (const key of Object.keys(refundTable)) {
      if (!(targetGroupCodes as readonly string[]).includes(key)) errors.push(`refundTable has an unknown target group '${key}'`);
    }
  }
  const byType = (p.refundByGrantType ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(byType)) {
    if (!(grantTypes as readonly string[]).includes(key) || !(refundClasses as readonly unknown[]).includes(value)) {
      errors.push(`refundByGrantType.${key} is invalid`);
    }
  }
  if (
    p.offeredGrantTypes !== undefined &&
    (!Array.isArray(p.offeredGrantTypes) || p.offeredGrantTypes.some((t) => !(grantTypes as readonly unknown[]).includes(t)))
  ) {
    errors.push(`offeredGrantTypes must list some of ${grantTypes.join(', ')}`);
  }
  if (p.offeredGrantTypesReason !== undefined && p.offeredGrantTypesReason !== null && typeof p.offeredGrantTypesReason !== 'string') {
    errors.push('offeredGrantTypesReason must be text or null');
  }
  if (p.budgetCeilingRateVerified !== undefined && typeof p.budgetCeilingRateVerified !== 'boolean') {
    errors.push('budgetCeilingRateVerified must be true or false');
  }
  if (
    p.budgetCeilingRateSourceNote !== undefined &&
    p.budgetCeilingRateSourceNote !== null &&
    typeof p.budgetCeilingRateSourceNote !== 'string'
  ) {
    errors.push('budgetCeilingRateSourceNote must be text or null');
  }
  if (
    p.budgetCeilingRateVerified === true &&
    (typeof p.budgetCeilingRateSourceNote !== 'string' || p.budgetCeilingRateSourceNote.trim() === '')
  ) {
    errors.push('budgetCeilingRateSourceNote must name the source when budgetCeilingRateVerified is true (R-FIN-5)');
  }
  if (p.draft !== undefined && typeof p.draft !== 'boolean') errors.push('draft must be true or false');
  if (p.confirmationNote !== undefined && p.confirmationNote !== null && typeof p.confirmationNote !== 'string') {
    errors.push('confirmationNote must be text or null');
  }
  if (
    p.targetGroupList !== undefined &&
    (!Array.isArray(p.targetGroupList) ||
      p.targetGroupList.some(
        (g: unknown) =>
          typeof g !== 'object' ||
          g === null ||
          typeof (g as { code?: unknown }).code !== 'string' ||
          typeof (g as { label?: unknown }).label !== 'string',
      ))
  ) {
    errors.push('targetGroupList must list { code, label } objects');
  }
  const basis = p.legalBasis as Record<string, unknown> | undefined;
  if (typeof basis !== 'object' || basis === null || grantTypes.some((t) => typeof basis[t] !== 'string')) {
    errors.push('legalBasis must give a text for every grant type');
  }
  const known = new Set(Object.keys(defaultLegalRegimes[0]!.parameters));
  for (const key of Object.keys(p)) if (!known.has(key)) errors.push(`unknown parameter '${key}'`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { ...(p as unknown as RegimeParameters), refundByGrantType: byType as RegimeParameters['refundByGrantType'] } };
}
