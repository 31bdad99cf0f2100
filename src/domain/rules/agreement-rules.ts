import type { Finding } from '../finding.ts';
import type { GrantRuleInput } from './grant-rule-input.ts';

/**
 * R-AGR-1: a grant cannot be activated without a written agreement holding goal, mentor name and
 * contact data, at least one task, start and end date, hours > 0 and complaint guidance (seed S2 §1.3; E33).
 */
export function checkAgreementContents({ proposal }: GrantRuleInput): Finding[] {
  const missing: string[] = [];
  if (proposal.goal.trim() === '') missing.push('målet med mentorstøtten');
  if (!proposal.mentor || proposal.mentor.name.trim() === '') missing.push('mentors navn');
  if (proposal.mentor && !proposal.mentor.phone && !proposal.mentor.email) missing.push('mentors kontaktdata');
  if (proposal.tasks.filter((t) => t.trim() !== '').length === 0) missing.push('mindst én opgave for mentor');
  if (!(proposal.weeklyHours > 0)) missing.push('timeantal (over 0 timer om ugen)');
  if (!proposal.complaintGuidance) missing.push('klagevejledning');
  if (missing.length === 0) return [];
  return [
    {
      rule: 'R-AGR-1',
      severity: 'error',
      message: `Den skriftlige aftale mangler: ${missing.join(', ')}.`,
      source: 'LAB § 31 b / § 167; Københavns Kommune 2015 afsnit 1.3 (S2); Jobcenter Assens (E33)',
    },
  ];
}

/**
 * R-AGR-3: the case records the purpose, the mentor's tasks and the mentor's qualifications; missing
 * any flags the case (STAR fokusrevision 2019, E11).
 */
export function checkCaseDocumentation({ proposal }: GrantRuleInput): Finding[] {
  const mentor = proposal.mentor;
  if (!mentor) return [];
  if (mentor.qualifications.length > 0 || mentor.trainingModulesCompleted > 0) return [];
  return [
    {
      rule: 'R-AGR-3',
      severity: 'warning',
      message: `Mentors kvalifikationer er ikke dokumenteret for ${mentor.name}. Registrér uddannelse eller gennemførte moduler.`,
      source: 'STAR fokusrevision af mentorområdet 2019 (E11)',
    },
  ];
}

/**
 * R-AGR-4: mentor support other than ret-og-pligt requires a recorded need assessment and the citizen's
 * wish (consent) before start: "et tilbud, ikke noget som kommunen kan tvinge en borger til" (S3, E10).
 */
export function checkNeedAndConsent({ proposal }: GrantRuleInput): Finding[] {
  if (proposal.type === 'RET_OG_PLIGT') return [];
  const missing: string[] = [];
  if (!proposal.needAssessment?.trim()) missing.push('en konkret vurdering af behovet');
  if (proposal.citizenConsent !== true) missing.push('borgerens ønske om at modtage mentorstøtte');
  if (missing.length === 0) return [];
  return [
    {
      rule: 'R-AGR-4',
      severity: 'error',
      message: `Før start skal der være registreret ${missing.join(' og ')}.`,
      source: 'Albertslund Kommune, budgetspørgsmål 36 (S3); VEJ nr. 9204 af 21/03/2023 (E10)',
    },
  ];
}
