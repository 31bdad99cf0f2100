import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../analytics/seeded-random.ts';
import { simulateMentorData } from '../../analytics/simulate-mentor-data.ts';
import { runCli, runCliProcess } from '../test-run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'effect-cli-'));

/** In this process (src/cli/test-run-cli.ts); `cliProcess` runs the same as `node bin/mentorspor.js effect …`. */
const cli = (args: string[]) => runCli(['effect', ...args], {});
const cliProcess = (args: string[]) => runCliProcess(['effect', ...args], {});

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
/** The question most tests ask of the extract: does a mentor change the job share 7 months on? */
const mentorOnJob7 = ['--data', extract, '--treatment', 'mentor', '--outcome', 'job7'];

describe('mentorspor effect (CLI)', () => {
  it('prints the documented JSON with exactly the documented keys', async () => {
    const out = await cli([...mentorOnJob7, '--covariates', 'age,priorWeeks,female,group', '--replace', '--json']);
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

  it('prints a readable report in Danish by default and in English with --lang en', async () => {
    const args = [...mentorOnJob7, '--covariates', 'age,priorWeeks,group', '--method', 'ipw'];
    const da = await cli(args);
    expect(da.code).toBe(0);
    expect(da.stdout).toContain('95 %-interval');
    expect(da.stdout).toContain('Følsomhed');
    expect(da.stdout).toContain('group: ressourceforloeb');
    expect(da.stdout).toMatch(/Hvad tallet ikke kan vise/);
    const en = await cli([...args, '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('95 % interval');
    expect(en.stdout).toContain('Balance');
    expect(en.stdout).toContain('Sensitivity');
    expect((await cli([...args, '--lang', 'fr'])).code).toBe(2);
  });

  it('prints the usage and exits 0 for --help', async () => {
    const out = cliProcess(['--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: mentorspor effect/);
    expect(out.stdout).toContain('--categorical');
  });

  it('exits 2 with a clear message for an unknown column', async () => {
    const out = await cli([...mentorOnJob7, '--covariates', 'age,shoeSize']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/^INVALID_INPUT: unknown column 'shoeSize'/);
  });

  it('exits 2 for a non-numeric outcome value and for a treatment that is not 0/1', async () => {
    const bad = writeCsv('bad.csv', 'mentor,job7,age\n1,1,30\n0,yes,40\n');
    expect((await cli(['--data', bad, '--treatment', 'mentor', '--outcome', 'job7', '--covariates', 'age'])).stderr).toMatch(
      /'yes' is not a number/,
    );
    const notBinary = writeCsv('nb.csv', 'mentor,job7,age\n2,1,30\n0,0,40\n');
    const out = await cli(['--data', notBinary, '--treatment', 'mentor', '--outcome', 'job7', '--covariates', 'age']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/must be 0 or 1/);
  });

  it('exits 2 when there are no treated units or no controls, and for an unknown flag', async () => {
    const noTreated = writeCsv('nt.csv', 'mentor,job7,age\n0,1,30\n0,0,40\n');
    const out = await cli(['--data', noTreated, '--treatment', 'mentor', '--outcome', 'job7', '--covariates', 'age']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/no treated units/);
    expect((await cli(['--data', extract, '--wat'])).code).toBe(2);
    expect((await cli([...mentorOnJob7, '--method', 'magic'])).stderr).toMatch(/--method must be one of/);
  });
});

/*
 * Issue 15: an analyst's extract whose true propensity has age² and categorical region (codes 1–5) and
 * education (codes 1–4) with non-monotone effects, and whose outcome depends on the same terms. True
 * effect: +2.0 for everyone. Treating the codes as numbers and age as linear leaves confounding behind;
 * stating the model (`--categorical region,educ --covariates age,age^2,region,educ`) recovers the truth.
 */
describe('mentorspor effect with categorical and derived model terms (issue 15)', () => {
  const random = seededRandom(2026);
  const regionShift = [0, 1.1, -0.9, 0.8, -1.2];
  const educShift = [0, -1.0, 0.9, -0.6];
  const lines = ['t,y,age,region,educ'];
  for (let i = 0; i < 20_000; i += 1) {
    const age = 18 + Math.floor(47 * random.next());
    const region = 1 + random.int(5);
    const educ = 1 + random.int(4);
    const logit = -1.2 + 0.004 * (age - 40) ** 2 + regionShift[region - 1]! + educShift[educ - 1]!;
    const t = random.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    const y = 0.02 * (age - 40) ** 2 + 2 * regionShift[region - 1]! + 2 * educShift[educ - 1]! + 2 * t + random.normal();
    lines.push(`${t},${y.toFixed(4)},${age},${region},${educ}`);
  }
  const file = writeCsv('true-model.csv', `${lines.join('\n')}\n`);
  const base = ['--data', file, '--treatment', 't', '--outcome', 'y', '--replace', '--json'];

  it('lands within 2 standard errors of the true +2.0 when the model is stated', async () => {
    const out = await cli([...base, '--categorical', 'region,educ', '--covariates', 'age,age^2,region,educ']);
    expect(out.stderr).toBe('');
    const json = JSON.parse(out.stdout);
    expect(Math.abs(json.estimate - 2) / json.standardError).toBeLessThan(2);
    expect(Object.keys(json.propensityModel.coefficients)).toEqual([
      '(Intercept)',
      'age',
      'age^2',
      'region=2',
      'region=3',
      'region=4',
      'region=5',
      'educ=2',
      'educ=3',
      'educ=4',
    ]);
  });

  it('misses the truth by more than 2 standard errors when the codes are taken as numbers', async () => {
    const json = JSON.parse((await cli([...base, '--covariates', 'age,region,educ'])).stdout);
    expect(Math.abs(json.estimate - 2) / json.standardError).toBeGreaterThan(2);
  });

  it('reads interactions and refuses a malformed term with exit 2', async () => {
    const out = await cli([...base, '--categorical', 'region', '--covariates', 'age,age^2,region,educ,age:region']);
    expect(out.code).toBe(0);
    expect(Object.keys(JSON.parse(out.stdout).propensityModel.coefficients)).toContain('age:region=5');
    const bad = await cli([...base, '--covariates', 'age,age^^2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^INVALID_INPUT: 'age\^\^2'/);
  });
});
