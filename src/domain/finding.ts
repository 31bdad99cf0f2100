/**
 * A rule finding: which rule (stable id of the domain spec §9), how serious, a plain-Danish message and
 * where the rule comes from. Error findings block approval; warnings inform.
 */
export const ruleIds = [
  'R-AGR-1',
  'R-AGR-2',
  'R-AGR-3',
  'R-AGR-4',
  'R-DUR-1',
  'R-DUR-2',
  'R-DUR-3',
  'R-DUR-4',
  'R-ROP-1',
  'R-ROP-2',
  'R-ROP-3',
  'R-ROP-4',
  'R-ROP-5',
  'R-ROP-6',
  'R-ROP-7',
  'R-ROP-8',
  'R-PSY-1',
  'R-PSY-2',
  'R-YTH-1',
  'R-YED-1',
  'R-YED-2',
  'R-YED-3',
  'R-REG-1',
  'R-REG-2',
  'R-REG-3',
  'R-CMP-1',
  'R-CMP-2',
  'R-CMP-3',
  'R-DEL-1',
  'R-DEL-2',
  'R-FIN-1',
  'R-FIN-2',
  'R-FIN-3',
  'R-FIN-4',
  'R-FIN-5',
  'R-FIN-6',
  'R-PRV-1',
  'R-PRV-2',
  'R-PRV-3',
  'R-PRV-4',
  'R-STAT-1',
] as const;
export type RuleId = (typeof ruleIds)[number];

export type Finding = {
  rule: RuleId;
  severity: 'error' | 'warning';
  message: string;
  source: string;
};

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
