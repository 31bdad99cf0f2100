import { describe, expect, it } from 'vitest';
import { decideGrantApproval, decideGrantEnd, evaluateGrantProposal, refundClassFor, suggestPlannedEnd } from './grant-compliance.ts';
import { defaultLegalRegimes, findRegimeOn, grantTypesOffered, validateRegimeParameters } from './legal-regime.ts';
import { grantTypes } from './mentor-grant.ts';
import { defaultMunicipalSettings } from './municipal-settings.ts';
import { buildMentor, buildRuleInput, regimeOn } from './test-factories.ts';

const rules = (input: Parameters<typeof buildRuleInput>[0] = {}, severity: 'error' | 'warning' = 'error') =>
  evaluateGrantProposal(buildRuleInput(input))
    .filter((f) => f.severity === severity)
    .map((f) => f.rule);

const ukSpell = (group: 'sygedagpenge' | 'dagpenge', from = '2014-01-01') => [{ group, visitation: null, from, to: null }];

describe('a compliant ret-og-pligt grant', () => {
  it('has no findings: 2 Mar 2015, aktivitetsparat, 6 months, all agreement fields', () => {
    expect(evaluateGrantProposal(buildRuleInput())).toEqual([]);
    expect(decideGrantApproval({ findings: [] }).outcome).toBe('approve');
  });
});

describe('R-AGR-1 written agreement contents', () => {
  it('is an error when goal, tasks, hours or complaint guidance are missing', () => {
    // 23 Feb 2015: the caseworker saves a draft before writing the goal and tasks.
    const findings = evaluateGrantProposal(
      buildRuleInput({ proposal: { goal: ' ', tasks: [], weeklyHours: 0, complaintGuidance: false } }),
    );
    const agr = findings.find((f) => f.rule === 'R-AGR-1')!;
    expect(agr.severity).toBe('error');
    expect(agr.message).toContain('målet med mentorstøtten');
    expect(agr.message).toContain('klagevejledning');
    expect(decideGrantApproval({ findings }).outcome).toBe('reject');
  });

  it('is an error without a mentor or without the mentor’s contact data', () => {
    expect(rules({ proposal: { mentor: null } })).toContain('R-AGR-1');
    expect(rules({ proposal: { mentor: buildMentor({ phone: null, email: null }) } })).toContain('R-AGR-1');
  });
});

describe('R-AGR-3 case documentation', () => {
  it('flags a mentor without recorded qualifications or training', () => {
    const input = { proposal: { mentor: buildMentor({ qualifications: [], trainingModulesCompleted: 0 }) } };
    expect(rules(input, 'warning')).toContain('R-AGR-3');
    expect(rules(input)).not.toContain('R-AGR-3');
  });
});

describe('R-AGR-4 need assessment and consent', () => {
  // 1 Mar 2025: general mentor for a sickness-benefit recipient.
  const general = { type: 'GENERAL' as const, agreedOn: '2025-03-01', startDate: '2025-03-03', endDate: '2025-09-02' };
  const spells = ukSpell('sygedagpenge', '2025-01-01');
  it('requires a need assessment and the citizen’s wish for a general mentor', () => {
    expect(rules({ proposal: { ...general, citizenConsent: null }, spells })).toContain('R-AGR-4');
    expect(rules({ proposal: { ...general, citizenConsent: true, needAssessment: null }, spells })).toContain('R-AGR-4');
    expect(rules({ proposal: { ...general, citizenConsent: true }, spells })).toEqual([]);
  });
  it('does not apply to the ret-og-pligt mentor (a duty)', () => {
    expect(rules({ proposal: { citizenConsent: false } })).not.toContain('R-AGR-4');
  });
});

describe('R-DUR-1 at most 6 months per period', () => {
  const general = { type: 'GENERAL' as const, citizenConsent: true, agreedOn: '2015-02-23', startDate: '2015-03-02' };
  it('accepts 2 Mar – 1 Sep 2015 and refuses 2 Mar – 2 Sep 2015', () => {
    expect(rules({ proposal: { ...general, endDate: '2015-09-01' } })).toEqual([]);
    expect(rules({ proposal: { ...general, endDate: '2015-09-02' } })).toContain('R-DUR-1');
  });
  it('does not cap psychiatric discharge periods', () => {
    const psych = { ...general, type: 'PSYCH_DISCHARGE' as const, dischargeDate: '2015-04-01', endDate: '2015-12-31' };
    expect(rules({ proposal: psych })).not.toContain('R-DUR-1');
  });
});

describe('R-DUR-2 continuation as a new period', () => {
  const previous = { id: 1, type: 'RET_OG_PLIGT' as const, startDate: '2015-03-02', endDate: '2015-09-01', status: 'approved' as const };
  const next = { previousGrant: previous, agreedOn: '2015-08-25', startDate: '2015-09-02', endDate: '2016-03-01' };
  it('accepts a new period assessed on 25 Aug 2015, before the previous end on 1 Sep', () => {
    expect(rules({ proposal: { ...next, assessmentDate: '2015-08-25' } })).toEqual([]);
  });
  it('refuses an assessment dated after the previous end, or none', () => {
    expect(rules({ proposal: { ...next, assessmentDate: '2015-09-05' } })).toContain('R-DUR-2');
    expect(rules({ proposal: { ...next, assessmentDate: null } })).toContain('R-DUR-2');
  });
  it('refuses a new period overlapping the previous one', () => {
    expect(rules({ proposal: { ...next, startDate: '2015-09-01', endDate: '2016-02-29', assessmentDate: '2015-08-25' } })).toContain(
      'R-DUR-2',
    );
  });
});

describe('R-DUR-3 no cap on the number of periods', () => {
  it('does not block a third consecutive period', () => {
    // Third period from 2 Mar 2016 after two 2015 periods.
    const chain = [
      { id: 1, type: 'RET_OG_PLIGT' as const, startDate: '2015-03-02', endDate: '2015-09-01', status: 'ended' as const },
      { id: 2, type: 'RET_OG_PLIGT' as const, startDate: '2015-09-02', endDate: '2016-03-01', status: 'approved' as const },
    ];
    const findings = evaluateGrantProposal(
      buildRuleInput({
        proposal: {
          previousGrant: chain[1]!,
          agreedOn: '2016-02-25',
          assessmentDate: '2016-02-25',
          startDate: '2016-03-02',
          endDate: '2016-09-01',
        },
        chain,
      }),
    );
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('R-ROP-1 ret-og-pligt eligibility', () => {
  it('refuses a jobparat cash-benefit recipient', () => {
    expect(rules({ spells: [{ group: 'kontanthjaelp_jobparat', visitation: 'jobparat', from: '2014-01-01', to: null }] })).toContain(
      'R-ROP-1',
    );
  });
  it('accepts an aktivitetsparat education-benefit recipient (§ 2 nr. 13)', () => {
    expect(
      rules({ spells: [{ group: 'uddannelseshjaelp_aktivitetsparat', visitation: 'aktivitetsparat', from: '2014-01-01', to: null }] }),
    ).toEqual([]);
  });
  it('judges the target group on the start date: aktivitetsparat only from 1 Apr 2015 fails a 2 Mar start', () => {
    expect(
      rules({ spells: [{ group: 'kontanthjaelp_aktivitetsparat', visitation: 'aktivitetsparat', from: '2015-04-01', to: null }] }),
    ).toContain('R-ROP-1');
  });
  it('requires the recorded assessment that personal circumstances prevent an offer', () => {
    expect(rules({ proposal: { needAssessment: '' } })).toContain('R-ROP-1');
  });
});

describe('R-ROP-2 a ret-og-pligt period is 6 months', () => {
  it('refuses a 4-month period from 2 Mar 2015', () => {
    expect(rules({ proposal: { endDate: '2015-07-01' } })).toContain('R-ROP-2');
  });
  it('accepts every end from the 26-week end (30 Aug 2015) to the 6-month end (1 Sep 2015)', () => {
    for (const endDate of ['2015-08-30', '2015-08-31', '2015-09-01']) expect(rules({ proposal: { endDate } })).toEqual([]);
    expect(rules({ proposal: { endDate: '2015-08-29' } })).toContain('R-ROP-2');
  });
  it('follows the regime parameter when an admin changes the period length', () => {
    const regime = regimeOn('2015-02-23');
    const eightMonths = { ...regime, parameters: { ...regime.parameters, retOgPligtPeriodMonths: 4 } };
    expect(rules({ proposal: { endDate: '2015-07-01' }, regime: eightMonths })).not.toContain('R-ROP-2');
  });
});

describe('R-ROP-3 early end of a ret-og-pligt period', () => {
  const grant = { type: 'RET_OG_PLIGT' as const, startDate: '2015-03-02', endDate: '2015-09-01' };
  const base = { grant, settings: defaultMunicipalSettings, regime: regimeOn('2015-02-23'), chain: [], followUpOfferStart: null };
  it('refuses ending on 1 May 2015 because the citizen got a job is not a listed reason', () => {
    const decision = decideGrantEnd({ ...base, endDate: '2015-05-01', reason: 'JOB' });
    expect(decision.outcome).toBe('reject');
    expect(decision.findings.map((f) => f.rule)).toEqual(['R-ROP-3']);
  });
  it('allows ending early when the citizen leaves the target group', () => {
    expect(decideGrantEnd({ ...base, endDate: '2015-05-01', reason: 'LEFT_TARGET_GROUP' }).outcome).toBe('end');
  });
  it('allows READY_FOR_OFFER only with an offer starting within the grace period (14 days)', () => {
    expect(decideGrantEnd({ ...base, endDate: '2015-05-01', reason: 'READY_FOR_OFFER', followUpOfferStart: '2015-05-15' }).outcome).toBe(
      'end',
    );
    expect(decideGrantEnd({ ...base, endDate: '2015-05-01', reason: 'READY_FOR_OFFER', followUpOfferStart: '2015-05-16' }).outcome).toBe(
      'reject',
    );
    expect(decideGrantEnd({ ...base, endDate: '2015-05-01', reason: 'READY_FOR_OFFER' }).outcome).toBe('reject');
  });
  it('allows the planned end with any reason, and refuses ending after the planned end (R-DUR-2)', () => {
    expect(decideGrantEnd({ ...base, endDate: '2015-09-01', reason: 'PLANNED_END' }).outcome).toBe('end');
    expect(decideGrantEnd({ ...base, endDate: '2015-09-10', reason: 'PLANNED_END' }).findings.map((f) => f.rule)).toContain('R-DUR-2');
  });
});

describe('R-ROP-8 rules after 1 July 2026 need review', () => {
  it('warns for a ret-og-pligt period running past 2026-07-01, not for one ending before', () => {
    const late = { agreedOn: '2026-05-01', startDate: '2026-05-04', endDate: '2026-11-03' };
    const spells = [
      { group: 'kontanthjaelp_aktivitetsparat' as const, visitation: 'aktivitetsparat' as const, from: '2020-01-01', to: null },
    ];
    expect(rules({ proposal: late, spells }, 'warning')).toContain('R-ROP-8');
    const early = { agreedOn: '2026-02-01', startDate: '2026-02-02', endDate: '2026-06-30' };
    expect(rules({ proposal: { ...early, endDate: '2026-08-01' }, spells }, 'warning')).toContain('R-ROP-8');
    expect(
      rules({ proposal: { agreedOn: '2025-08-01', startDate: '2025-08-04', endDate: '2026-02-03' }, spells }, 'warning'),
    ).not.toContain('R-ROP-8');
  });
});

describe('R-PSY-1 psychiatric discharge start', () => {
  const psych = { type: 'PSYCH_DISCHARGE' as const, citizenConsent: true, agreedOn: '2015-01-10', endDate: '2015-09-30' };
  it('refuses a start 4 months before discharge on 1 Jun 2015 and accepts 3 months before', () => {
    expect(rules({ proposal: { ...psych, startDate: '2015-02-01', dischargeDate: '2015-06-01' } })).toContain('R-PSY-1');
    expect(rules({ proposal: { ...psych, startDate: '2015-03-01', dischargeDate: '2015-06-01' } })).not.toContain('R-PSY-1');
  });
  it('requires the discharge date', () => {
    expect(rules({ proposal: { ...psych, startDate: '2015-03-01', dischargeDate: null } })).toContain('R-PSY-1');
  });
});

describe('R-PSY-2 at least 6 months in total at psychiatric discharge', () => {
  const psych = {
    type: 'PSYCH_DISCHARGE' as const,
    citizenConsent: true,
    agreedOn: '2015-02-20',
    startDate: '2015-03-01',
    dischargeDate: '2015-04-01',
  };
  it('warns when the plan covers less than 6 months', () => {
    expect(rules({ proposal: { ...psych, endDate: '2015-06-30' } }, 'warning')).toContain('R-PSY-2');
    expect(rules({ proposal: { ...psych, endDate: '2015-08-31' } }, 'warning')).not.toContain('R-PSY-2');
  });
  it('refuses ending after 3 months unless the citizen declines', () => {
    const base = {
      grant: { type: 'PSYCH_DISCHARGE' as const, startDate: '2015-03-01', endDate: '2015-08-31' },
      settings: defaultMunicipalSettings,
      regime: regimeOn('2015-02-20'),
      chain: [],
      followUpOfferStart: null,
    };
    expect(decideGrantEnd({ ...base, endDate: '2015-05-31', reason: 'OTHER' }).findings.map((f) => f.rule)).toContain('R-PSY-2');
    expect(decideGrantEnd({ ...base, endDate: '2015-05-31', reason: 'CITIZEN_DECLINED' }).outcome).toBe('end');
  });
});

describe('R-YTH-1 mentor at the start of education before 2020 (a can-rule)', () => {
  // 10 Aug 2015: a 20-year-old starts a vocational education on 17 Aug.
  const youth = {
    type: 'YOUTH_EDUCATION' as const,
    citizenConsent: true,
    agreedOn: '2015-08-10',
    startDate: '2015-08-17',
    endDate: '2016-02-16',
    admissionDate: '2015-08-17',
  };
  const spells = [
    { group: 'uddannelseshjaelp_uddannelsesparat' as const, visitation: 'uddannelsesparat' as const, from: '2015-01-01', to: null },
  ];
  it('grants an under-30 with an admission date, and refuses a 30-year-old or a missing admission date', () => {
    expect(evaluateGrantProposal(buildRuleInput({ proposal: youth, spells, birthDate: '1995-01-01' }))).toEqual([]);
    expect(rules({ proposal: youth, spells, birthDate: '1985-01-01' })).toContain('R-YTH-1');
    expect(rules({ proposal: { ...youth, admissionDate: null }, spells, birthDate: '1995-01-01' })).toContain('R-YTH-1');
  });
});

describe('R-YED § 167 stk. 3 youth-education mentor (LAB 2020)', () => {
  const youth = {
    type: 'YOUTH_EDUCATION' as const,
    citizenConsent: true,
    agreedOn: '2022-08-10',
    startDate: '2022-08-15',
    endDate: '2023-02-07',
    admissionDate: '2022-08-08',
  };
  const spells = [
    { group: 'uddannelseshjaelp_uddannelsesparat' as const, visitation: 'uddannelsesparat' as const, from: '2022-01-01', to: null },
  ];
  it('is a right within 6 months of admission for § 6 nr. 4–5: no finding', () => {
    expect(evaluateGrantProposal(buildRuleInput({ proposal: youth, spells, birthDate: '2001-01-01' }))).toEqual([]);
  });
  it('grants a 24-year-old kontanthjælp recipient without education (§ 6 nr. 4) who starts education on 5 Jan 2026, under § 167 stk. 3', () => {
    // 2 Jan 2026: since 1 Jul 2025 uddannelseshjælp is kontanthjælp; § 6 nr. 4 = uddannelsesparat under 30 without education.
    const kh = [
      { group: 'uddannelseshjaelp_uddannelsesparat' as const, visitation: 'uddannelsesparat' as const, from: '2025-07-01', to: null },
    ];
    const input = buildRuleInput({
      proposal: { ...youth, agreedOn: '2026-01-02', startDate: '2026-01-05', endDate: '2026-07-04', admissionDate: '2026-01-05' },
      spells: kh,
      birthDate: '2001-06-15',
    });
    expect(input.regime.id).toBe('KH-2025');
    expect(evaluateGrantProposal(input)).toEqual([]);
    expect(input.regime.parameters.legalBasis.YOUTH_EDUCATION).toBe('LAB § 167, stk. 3');
  });
  it('R-YED-1: refuses a citizen aged 30, and warns that a citizen outside § 6 nr. 4–5 has no right', () => {
    expect(rules({ proposal: youth, spells, birthDate: '1990-01-01' })).toContain('R-YED-1');
    const jobparat = [{ group: 'kontanthjaelp_jobparat' as const, visitation: 'jobparat' as const, from: '2022-01-01', to: null }];
    expect(rules({ proposal: youth, spells: jobparat, birthDate: '2001-01-01' }, 'warning')).toEqual(['R-YED-1']);
  });
  it('R-YED-2: needs the admission date; a start 7 months after admission is not a right', () => {
    expect(rules({ proposal: { ...youth, admissionDate: null }, spells, birthDate: '2001-01-01' })).toContain('R-YED-2');
    expect(
      rules(
        { proposal: { ...youth, startDate: '2023-03-15', endDate: '2023-09-14', agreedOn: '2023-03-10' }, spells, birthDate: '2001-01-01' },
        'warning',
      ),
    ).toContain('R-YED-2');
  });
  it('R-YED-2/3: a first period past 6 months from admission is flagged; an extension of a youth period is not', () => {
    const long = { ...youth, endDate: '2023-02-14' };
    expect(rules({ proposal: long, spells, birthDate: '2001-01-01' }, 'warning')).toEqual(['R-YED-2']);
    const previous = {
      id: 1,
      type: 'YOUTH_EDUCATION' as const,
      startDate: '2022-08-15',
      endDate: '2023-02-07',
      status: 'approved' as const,
    };
    const extension = {
      ...youth,
      previousGrant: previous,
      assessmentDate: '2023-02-01',
      startDate: '2023-02-08',
      endDate: '2023-08-07',
      agreedOn: '2023-02-01',
    };
    expect(evaluateGrantProposal(buildRuleInput({ proposal: extension, spells, birthDate: '2001-01-01' }))).toEqual([]);
  });
});

describe('R-REG-1 mentor types by agreement date', () => {
  const spells = [
    { group: 'kontanthjaelp_aktivitetsparat' as const, visitation: 'aktivitetsparat' as const, from: '2014-01-01', to: null },
  ];
  it('a 2016 ret-og-pligt grant with contact every second week is lawful', () => {
    // 1 Feb 2016: aktivitetsparat citizen, ret-og-pligt mentor for 6 months under L 66 (contact every second week).
    const input = buildRuleInput({ proposal: { agreedOn: '2016-02-01', startDate: '2016-02-01', endDate: '2016-07-31' }, spells });
    expect(input.regime.id).toBe('LAB-2016');
    expect(input.regime.parameters.retOgPligtContactIntervalWeeks).toBe(2);
    expect(evaluateGrantProposal(input)).toEqual([]);
  });
  it('a 2021 ret-og-pligt grant is refused with R-REG-1 and its source', () => {
    const input = buildRuleInput({ proposal: { agreedOn: '2021-03-01', startDate: '2021-03-01', endDate: '2021-08-31' }, spells });
    const finding = evaluateGrantProposal(input).find((f) => f.rule === 'R-REG-1')!;
    expect(finding.severity).toBe('error');
    expect(finding.source).toContain('§ 102');
    expect(decideGrantApproval({ findings: evaluateGrantProposal(input) }).outcome).toBe('reject');
  });
  it('a 2021 ret-og-pligt grant is lawful once an admin has switched the type on for LAB-2020', () => {
    const lab2020 = regimeOn('2021-03-01');
    const switched = {
      ...lab2020,
      parameters: { ...lab2020.parameters, offeredGrantTypes: [...grantTypes], offeredGrantTypesReason: 'Byrådsbeslutning 12/2026' },
    };
    const input = buildRuleInput({
      proposal: { agreedOn: '2021-03-01', startDate: '2021-03-01', endDate: '2021-08-31' },
      spells,
      regime: switched,
    });
    expect(evaluateGrantProposal(input).map((f) => f.rule)).toEqual([]);
  });
  it('offers every type 2014–2019 and all but ret-og-pligt from 2020, also for regimes stored before the parameter existed', () => {
    expect(grantTypesOffered(regimeOn('2019-12-31'))).toContain('RET_OG_PLIGT');
    expect(grantTypesOffered(regimeOn('2020-01-01'))).not.toContain('RET_OG_PLIGT');
    const { offeredGrantTypes: _omit, ...stored } = regimeOn('2026-12-04').parameters;
    expect(grantTypesOffered({ validFrom: '2026-02-01', parameters: stored })).toEqual(grantTypes.filter((t) => t !== 'RET_OG_PLIGT'));
    expect(regimeOn('2026-12-04').parameters.retOgPligtContactIntervalWeeks).toBeNull();
  });
});

describe('R-CMP-1 company and education-institution mentors', () => {
  const company = { type: 'COMPANY' as const, citizenConsent: true };
  it('requires a justification that the effort goes beyond usual duties', () => {
    expect(rules({ proposal: company })).toContain('R-CMP-1');
    expect(
      rules({ proposal: { ...company, justification: 'Oplæring ud over sædvanlig introduktion; afgørende for ansættelsen' } }),
    ).toEqual([]);
    expect(rules({ proposal: { type: 'EDUCATION_INST', citizenConsent: true } })).toContain('R-CMP-1');
  });
});

describe('regime by agreement date', () => {
  it('uses LAB-2014 on 2015-12-31 and LAB-2016 on 2016-01-01 (weekly vs two-weekly contact)', () => {
    expect(regimeOn('2015-12-31').id).toBe('LAB-2014');
    expect(regimeOn('2016-01-01').id).toBe('LAB-2016');
    expect(regimeOn('2015-12-31').parameters.retOgPligtContactIntervalWeeks).toBe(1);
    expect(regimeOn('2016-01-01').parameters.retOgPligtContactIntervalWeeks).toBe(2);
  });
  it('uses LAB-2016 on 2018-12-31, LAB-2019 on 2019-01-01 and has none before 2014', () => {
    expect(regimeOn('2018-12-31').id).toBe('LAB-2016');
    expect(regimeOn('2019-01-01').id).toBe('LAB-2019');
    expect(findRegimeOn(defaultLegalRegimes, '2013-12-31')).toBeNull();
  });
  it('ships regime parameters that pass their own validation', () => {
    for (const regime of defaultLegalRegimes) expect(validateRegimeParameters(regime.parameters)).toMatchObject({ ok: true });
    expect(validateRegimeParameters({ ...defaultLegalRegimes[0]!.parameters, refundRate: 2 })).toMatchObject({ ok: false });
  });
});

describe('R-FIN-1 / R-FIN-2 / R-FIN-4 / R-FIN-6 refund class', () => {
  const classOf = (
    group: 'dagpenge' | 'sygedagpenge' | 'kontanthjaelp_aktivitetsparat' | 'ressourceforloeb' | 'kontanthjaelp_jobparat',
    agreedOn: string,
  ) => refundClassFor({ regime: regimeOn(agreedOn), targetGroup: group, grantType: 'GENERAL', agreedOn }).refundClass;

  it('R-FIN-2 (LAB-2014): inside the frame for aktivitetsparat, outside for ressourceforløb, none for dagpenge and jobparat', () => {
    expect(classOf('kontanthjaelp_aktivitetsparat', '2015-06-01')).toBe('inside_frame');
    expect(classOf('ressourceforloeb', '2015-06-01')).toBe('outside_frame');
    expect(classOf('dagpenge', '2015-06-01')).toBe('none');
    expect(classOf('kontanthjaelp_jobparat', '2015-06-01')).toBe('none');
    expect(
      refundClassFor({
        regime: regimeOn('2015-06-01'),
        targetGroup: 'kontanthjaelp_aktivitetsparat',
        grantType: 'GENERAL',
        agreedOn: '2015-06-01',
      }).rate,
    ).toBe(0.5);
  });
  it('R-FIN-4: no refund for aktivitetsparat agreed 2019-01-01, still on 2018-12-31', () => {
    expect(classOf('kontanthjaelp_aktivitetsparat', '2018-12-31')).toBe('inside_frame');
    expect(classOf('kontanthjaelp_aktivitetsparat', '2019-01-01')).toBe('none');
    // R-FIN-6 (law update 2026-12 §2): the refund remains only for dagpenge, so ressourceforløb has none.
    expect(classOf('ressourceforloeb', '2019-01-01')).toBe('none');
  });
  it('R-FIN-4: sygedagpenge keep the refund until 2019-06-30 and lose it on 2019-07-01; dagpenge have none', () => {
    expect(classOf('sygedagpenge', '2019-06-30')).toBe('inside_frame');
    expect(classOf('sygedagpenge', '2019-07-01')).toBe('none');
    expect(classOf('dagpenge', '2018-12-31')).toBe('none');
  });
  it('R-FIN-6: from 2019 dagpenge recipients (§ 2 nr. 1) keep 50 % within the rådighedsbeløb; cash-benefit groups have none', () => {
    expect(classOf('dagpenge', '2019-01-01')).toBe('inside_frame');
    expect(classOf('dagpenge', '2026-12-04')).toBe('inside_frame');
    expect(
      refundClassFor({ regime: regimeOn('2026-12-04'), targetGroup: 'dagpenge', grantType: 'GENERAL', agreedOn: '2026-12-04' }).rate,
    ).toBe(0.5);
    // 4 Dec 2026: a general mentor for an aktivitetsparat cash-benefit recipient has refund class none.
    expect(
      refundClassFor({
        regime: regimeOn('2026-12-04'),
        targetGroup: 'kontanthjaelp_aktivitetsparat',
        grantType: 'GENERAL',
        agreedOn: '2026-12-04',
      }),
    ).toEqual({ refundClass: 'none', rate: 0 });
    expect(classOf('kontanthjaelp_jobparat', '2026-12-04')).toBe('none');
    expect(classOf('ressourceforloeb', '2026-12-04')).toBe('none');
    // The youth mentor on starting education keeps the dagpenge refund (law update §2).
    expect(
      refundClassFor({ regime: regimeOn('2026-12-04'), targetGroup: 'dagpenge', grantType: 'YOUTH_EDUCATION', agreedOn: '2026-12-04' })
        .refundClass,
    ).toBe('inside_frame');
  });
  it('R-FIN-1: the group on the agreement date decides; without one a warning says refund is unknown', () => {
    const noGroup = rules({ proposal: { type: 'GENERAL', citizenConsent: true }, spells: [] }, 'warning');
    expect(noGroup).toContain('R-FIN-1');
  });
  it('R-FIN-2: warns that a 2015 dagpenge mentor is paid fully by the municipality', () => {
    const warnings = rules(
      {
        proposal: { type: 'GENERAL', citizenConsent: true },
        spells: [{ group: 'dagpenge', visitation: null, from: '2014-01-01', to: null }],
      },
      'warning',
    );
    expect(warnings).toContain('R-FIN-2');
  });
  it('psychiatric discharge is refunded inside the frame in 2015 whatever the group', () => {
    expect(
      refundClassFor({ regime: regimeOn('2015-06-01'), targetGroup: 'dagpenge', grantType: 'PSYCH_DISCHARGE', agreedOn: '2015-06-01' })
        .refundClass,
    ).toBe('inside_frame');
  });
});

describe('suggestPlannedEnd', () => {
  it('follows the municipality’s month convention', () => {
    const regime = regimeOn('2015-02-23');
    expect(suggestPlannedEnd({ type: 'RET_OG_PLIGT', startDate: '2015-03-02', regime, settings: defaultMunicipalSettings })).toBe(
      '2015-09-01',
    );
    expect(
      suggestPlannedEnd({
        type: 'RET_OG_PLIGT',
        startDate: '2015-03-02',
        regime,
        settings: { ...defaultMunicipalSettings, monthConvention: 'weeks26' },
      }),
    ).toBe('2015-08-30');
  });
});
