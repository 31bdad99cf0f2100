import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateMentorData } from '../../analytics/simulate-mentor-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'effect-cli-'));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/mentorspor.js', 'effect', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function writeCsv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// An analyst's extract: 3,000 citizens, semicolon separated, a categorical target group, employment at 7 months.
const { data, trueAtt } = simulateMentorData({ n: 3000, seed: 21, trueEffect: 0.1, binaryOutcome: true });
const groupCovariate = data.covariates[3]!;
const rows = ['mentor;job7;age;priorWeeks;female;group'];
for (let i = 0; i < data.treatment.length; i += 1) {
  const group = groupCovariate.kind === 'categorical' ? groupCovariate.levels[groupCovariate.codes[i]!] : '';
  const v = (k: number) =>
    data.covariates[k]!.kind === 'numeric' ? (data.covariates[k] as { values: Float64Array }).values[i]!.toFixed(3) : '';
  rows.push(`${data.treatment[i]};${data.outcome[i]};${v(0)};${v(1)};${v(2)};${group}`);
}
const extract = writeCsv('extract.csv', `${rows.join('\n')}\n`);

describe('mentorspor effect (CLI)', () => {
  it('prints the documented JSON with exactly the documented keys', () => {
    const out = cli([
      '--data',
      extract,
      '--treatment',
      'mentor',
      '--outcome',
      'job7',
      '--covariates',
      'age,priorWeeks,female,group',
      '--replace',
      '--json',
    ]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(Object.keys(json)).toEqual([
      'estimand',
      'method',
      'estimate',
      'standardError',
      'standardErrorType',
      'confidenceInterval',
      'nTreated',
      'nControl',
      'nTreatedMatched',
      'nControlMatched',
      'balance',
      'maxAbsSmdAfter',
      'propensityModel',
      'sensitivity',
      'warnings',
    ]);
    expect(json.estimand).toBe('ATT');
    expect(json.standardErrorType).toBe('abadie-imbens');
    expect(json.confidenceInterval[0]).toBeLessThanOrEqual(trueAtt);
    expect(json.confidenceInterval[1]).toBeGreaterThanOrEqual(trueAtt);
    expect(Object.keys(json.balance[0])).toEqual([
      'covariate',
      'meanTreated',
      'meanControl',
      'smdBefore',
      'smdAfter',
      'varianceRatioAfter',
    ]);
    expect(json.balance.map((b: { covariate: string }) => b.covariate)).toContain('group=ressourceforloeb');
    expect(json.propensityModel.coefficients).toHaveProperty('(Intercept)');
  });

  it('prints a readable report by default', () => {
    const out = cli(['--data', extract, '--treatment', 'mentor', '--outcome', 'job7', '--covariates', 'age,priorWeeks', '--method', 'ipw']);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('95 % interval');
    expect(out.stdout).toContain('Balance');
    expect(out.stdout).toContain('Sensitivity');
  });

  it('exits 2 with a clear message for an unknown column', () => {
    const out = cli(['--data', extract, '--treatment', 'mentor', '--outcome', 'job7', '--covariates', 'age,shoeSize']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^INVALID_INPUT: unknown column 'shoeSize'/);
  });

  it('exits 2 for a non-numeric outcome value and for a treatment that is not 0/1', () => {
    const bad = writeCsv('bad.csv', 'mentor,job7,age\n1,1,30\n0,yes,40\n');
    expect(cli(['--data', bad, '--treatment', 'mentor', '--outcome', 'job7', '--covariates', 'age']).stderr).toMatch(
      /'yes' is not a number/,
    );
    const notBinary = writeCsv('nb.csv', 'mentor,job7,age\n2,1,30\n0,0,40\n');
    const out = cli(['--data', notBinary, '--treatment', 'mentor', '--outcome', 'job7', '--covariates', 'age']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/must be 0 or 1/);
  });

  it('exits 2 when there are no treated units or no controls, and for an unknown flag', () => {
    const noTreated = writeCsv('nt.csv', 'mentor,job7,age\n0,1,30\n0,0,40\n');
    const out = cli(['--data', noTreated, '--treatment', 'mentor', '--outcome', 'job7', '--covariates', 'age']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/no treated units/);
    expect(cli(['--data', extract, '--wat']).code).toBe(2);
    expect(cli(['--data', extract, '--treatment', 'mentor', '--outcome', 'job7', '--method', 'magic']).stderr).toMatch(
      /--method must be one of/,
    );
  });
});
