/**
 * Outcome categories (domain spec §4.2) with the precedence used when several states meet in the
 * measurement week [U: a design choice], the roll-up to Copenhagen's six categories (seed S2, table 4),
 * and the verified DST 3-digit socio-economic mapping (§4.5, E38). An empty week means no public
 * support (SELF_SUPPORTING_OTHER) [U: standard practice].
 */

export const outcomeCategories = [
  'DEAD',
  'EMIGRATED',
  'ORDINARY_EMPLOYMENT',
  'EDUCATION',
  'FLEXJOB',
  'DISABILITY_PENSION',
  'OLD_AGE_PENSION',
  'RESOURCE_OR_CLARIFICATION',
  'SICKNESS_BENEFIT',
  'LEDIGHEDSYDELSE',
  'REVALIDERING',
  'UNEMPLOYMENT_INSURANCE',
  'CASH_BENEFIT_SAME',
  'CASH_BENEFIT_UPGRADED',
  'SELF_SUPPORTING_OTHER',
] as const;
export type OutcomeCategory = (typeof outcomeCategories)[number];

export const copenhagenCategories = [
  'kontanthjaelp',
  'anden_offentlig',
  'beskaeftigelse',
  'uddannelse',
  'pension_fleksjob',
  'selvforsoergelse_udflyttet',
] as const;
export type CopenhagenCategory = (typeof copenhagenCategories)[number];

export const copenhagenLabels: Record<CopenhagenCategory, string> = {
  kontanthjaelp: 'Fortsat på kontant- eller uddannelseshjælp',
  anden_offentlig: 'Anden offentlig forsørgelse, f.eks. ressourceforløb',
  beskaeftigelse: 'Beskæftigelse',
  uddannelse: 'Uddannelse',
  pension_fleksjob: 'Folkepension, fleksjob eller førtidspension',
  selvforsoergelse_udflyttet: 'Selvforsørgelse, udflyttet mv.',
};

/** §4.2 roll-up; DEAD goes with "self-supporting, moved etc." [U], fleksjob with pensions (S2). */
export function toCopenhagenCategory(category: OutcomeCategory): CopenhagenCategory {
  switch (category) {
    case 'CASH_BENEFIT_SAME':
    case 'CASH_BENEFIT_UPGRADED':
      return 'kontanthjaelp';
    case 'RESOURCE_OR_CLARIFICATION':
    case 'SICKNESS_BENEFIT':
    case 'LEDIGHEDSYDELSE':
    case 'REVALIDERING':
    case 'UNEMPLOYMENT_INSURANCE':
      return 'anden_offentlig';
    case 'ORDINARY_EMPLOYMENT':
      return 'beskaeftigelse';
    case 'EDUCATION':
      return 'uddannelse';
    case 'FLEXJOB':
    case 'DISABILITY_PENSION':
    case 'OLD_AGE_PENSION':
      return 'pension_fleksjob';
    default:
      return 'selvforsoergelse_udflyttet';
  }
}

/** The first category in §4.2 order wins when several apply in the same week. */
export function pickByPrecedence(categories: readonly OutcomeCategory[]): OutcomeCategory {
  if (categories.length === 0) return 'SELF_SUPPORTING_OTHER';
  return [...categories].sort((a, b) => outcomeCategories.indexOf(a) - outcomeCategories.indexOf(b))[0]!;
}

/** A register mapping's codes: register code → outcome category. */
export type CodeMapping = Record<string, OutcomeCategory>;

/** DST 3-digit socio-economic status → outcome (§4.5, verified codes; active-offer codes map to cash benefit). */
export const dstMapping: CodeMapping = {
  '110': 'ORDINARY_EMPLOYMENT',
  '120': 'ORDINARY_EMPLOYMENT',
  '131': 'ORDINARY_EMPLOYMENT',
  '132': 'ORDINARY_EMPLOYMENT',
  '133': 'ORDINARY_EMPLOYMENT',
  '134': 'ORDINARY_EMPLOYMENT',
  '135': 'ORDINARY_EMPLOYMENT',
  '136': 'ORDINARY_EMPLOYMENT',
  '200': 'CASH_BENEFIT_SAME',
  '311': 'CASH_BENEFIT_SAME',
  '312': 'UNEMPLOYMENT_INSURANCE',
  '313': 'CASH_BENEFIT_SAME',
  '314': 'LEDIGHEDSYDELSE',
  '315': 'UNEMPLOYMENT_INSURANCE',
  '316': 'UNEMPLOYMENT_INSURANCE',
  '317': 'SICKNESS_BENEFIT',
  '318': 'CASH_BENEFIT_SAME',
  '319': 'CASH_BENEFIT_SAME',
  '320': 'REVALIDERING',
  '321': 'RESOURCE_OR_CLARIFICATION',
  '322': 'RESOURCE_OR_CLARIFICATION',
  '351': 'FLEXJOB',
  '411': 'DISABILITY_PENSION',
  '412': 'OLD_AGE_PENSION',
  '413': 'OLD_AGE_PENSION',
  '414': 'OLD_AGE_PENSION',
  '415': 'OLD_AGE_PENSION',
  '511': 'EDUCATION',
  '513': 'SELF_SUPPORTING_OTHER',
  '514': 'EDUCATION',
  '515': 'EDUCATION',
  '516': 'EDUCATION',
  '517': 'EDUCATION',
};
