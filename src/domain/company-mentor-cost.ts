/**
 * R-CMP-2: the billable cost of a company (or education-institution) mentor is the actual wage cost
 * per hour × the actual mentor hours (BEK om en aktiv beskæftigelsesindsats § 122, E14). The hourly
 * wage cost may include holiday pay, pension and other employer contributions, but never direct or
 * indirect overheads, wages during the mentor's sickness, wages for transport time, or travel costs
 * (domain spec §1.3, E14, E58). An external consultant's fee is a mentor price, not a wage cost.
 */
import type { Finding } from './finding.ts';

export const allowedWageCostComponents = ['wage', 'holiday_pay', 'pension', 'employer_contributions'] as const;
export type WageCostComponent = (typeof allowedWageCostComponents)[number];

/** Components the rule names as not billable; anything else unknown is refused too. */
export const refusedCostComponents = ['overhead', 'sick_pay', 'transport_time', 'travel'] as const;

export const wageCostComponentLabels: Record<WageCostComponent | (typeof refusedCostComponents)[number], string> = {
  wage: 'Løn',
  holiday_pay: 'Feriepenge',
  pension: 'Pension',
  employer_contributions: 'Øvrige arbejdsgiverbidrag',
  overhead: 'Overhead (direkte eller indirekte)',
  sick_pay: 'Løn under sygdom',
  transport_time: 'Løn for transporttid',
  travel: 'Rejseudgifter',
};

/**
 * Normal hours in a month for turning a monthly wage into an hourly one: 37 hours × 52 weeks / 12 =
 * 160.33 (the Danish full-time norm [G]; a setting where a collective agreement says otherwise).
 */
export const defaultMonthlyNormHours = (37 * 52) / 12;

export type WageCostLineInput = { component: string; amountKr: number; per: 'hour' | 'month' };
export type WageCostLine = { component: WageCostComponent; amountKr: number; per: 'hour' | 'month'; hourlyAmountKr: number };

const source = 'BEK om en aktiv beskæftigelsesindsats § 122 (E14); LAB §§ 31 e / 169';

/** R-CMP-2: accepts wage-cost lines of the allowed kinds and returns the hourly wage cost; refuses the rest. */
export function decideCompanyMentorHourlyCost(input: {
  lines: readonly WageCostLineInput[];
  monthlyNormHours?: number;
}): { outcome: 'accept'; hourlyCostKr: number; lines: WageCostLine[] } | { outcome: 'reject'; findings: Finding[] } {
  const normHours = input.monthlyNormHours ?? defaultMonthlyNormHours;
  const findings: Finding[] = [];
  const refused = input.lines.filter((l) => !(allowedWageCostComponents as readonly string[]).includes(l.component));
  for (const line of refused) {
    const label = wageCostComponentLabels[line.component as keyof typeof wageCostComponentLabels];
    findings.push({
      rule: 'R-CMP-2',
      severity: 'error',
      message: label
        ? `${label} kan ikke indgå i lønudgiften til en virksomhedsmentor; kun løn, feriepenge, pension og øvrige arbejdsgiverbidrag kan medregnes.`
        : `Udgiftstypen '${line.component}' kan ikke indgå; kun løn, feriepenge, pension og øvrige arbejdsgiverbidrag kan medregnes.`,
      source,
    });
  }
  const components = input.lines.map((l) => l.component);
  const duplicates = components.filter((c, i) => components.indexOf(c) !== i);
  if (duplicates.length > 0) {
    findings.push({ rule: 'R-CMP-2', severity: 'error', message: `Udgiftstypen '${duplicates[0]}' er angivet mere end én gang.`, source });
  }
  if (!components.includes('wage')) {
    findings.push({ rule: 'R-CMP-2', severity: 'error', message: 'Lønudgiften skal indeholde selve lønnen for mentortimerne.', source });
  }
  if (input.lines.some((l) => !Number.isFinite(l.amountKr) || l.amountKr < 0)) {
    findings.push({ rule: 'R-CMP-2', severity: 'error', message: 'Beløbene skal være positive tal i kroner.', source });
  }
  if (findings.length > 0) return { outcome: 'reject', findings };
  const lines = input.lines.map((l) => ({
    component: l.component as WageCostComponent,
    amountKr: l.amountKr,
    per: l.per,
    hourlyAmountKr: l.per === 'hour' ? l.amountKr : l.amountKr / normHours,
  }));
  return { outcome: 'accept', hourlyCostKr: lines.reduce((s, l) => s + l.hourlyAmountKr, 0), lines };
}

/** R-CMP-2: billable cost = actual hourly wage cost × actual mentor hours. */
export function companyMentorCost(input: { hourlyCostKr: number; hours: number }): number {
  return input.hourlyCostKr * input.hours;
}
