/**
 * A realistic demo municipality: providers of every kind (rates within Cabi's 2015 ranges, seed S4),
 * mentors with specialties and the four training modules (seed S2), citizens in several target groups,
 * and grants from 2015 to today in every state, plus a register-backed history of 1,500 citizens in
 * 2014–2019 (demo-history-repository.ts) so reports and the effect page show real figures. Everything goes through the real use cases, so the
 * demo obeys the same rules a caseworker meets. Names and CPR numbers are fictitious.
 */
import type { Database } from '../db/database.ts';
import { demoHistoryRepository } from './demo-history-repository.ts';
import { municipalitiesRepository } from '../db/repositories/municipalities-repository.ts';
import { usersRepository, type UserRole } from '../db/repositories/users-repository.ts';
import { addDays, addMonths, periodEndInclusive } from '../domain/calendar-date.ts';
import type { TargetGroupCode, VisitationCategory } from '../domain/target-group.ts';
import type { GrantType } from '../domain/mentor-grant.ts';
import { addTargetGroupSpell } from '../use-cases/add-target-group-spell.ts';
import { approveGrant } from '../use-cases/approve-grant.ts';
import { endGrant } from '../use-cases/end-grant.ts';
import { grantMentorSupport } from '../use-cases/grant-mentor-support.ts';
import { loadDemoDeliveries } from './load-demo-deliveries.ts';
import { loadDemoEconomy } from './load-demo-economy.ts';
import { loadDemoFollowUp } from './load-demo-follow-up.ts';
import { hashPassword } from '../use-cases/log-in.ts';
import { registerCitizen } from '../use-cases/register-citizen.ts';
import { registerMentor } from '../use-cases/register-mentor.ts';
import { registerProvider } from '../use-cases/register-provider.ts';
import { demoContext } from './demo-context.ts';
import type { DemoLoader } from '../use-cases/prepare-database.ts';
import type { UseCaseContext } from '../use-cases/use-case-context.ts';

export const demoPassword = 'mentorspor';

type DemoCitizen = {
  cpr: string;
  name: string;
  gender: 'female' | 'male';
  origin: 'danish' | 'western' | 'non_western';
  spells: { group: TargetGroupCode; visitation: VisitationCategory | null; from: string; to: string | null }[];
};

type DemoSpell = DemoCitizen['spells'][number];
/** A target-group spell from `from`, open (to: null) unless `to` is given. */
const spell = (group: TargetGroupCode, visitation: VisitationCategory | null, from: string, to: string | null = null): DemoSpell => ({
  group,
  visitation,
  from,
  to,
});

/** A citizen's spells across the 1 July 2025 reform: `before` until 30 June 2025, `after` from 1 July, one visitation. */
const acrossReform2025 = (before: TargetGroupCode, after: TargetGroupCode, visitation: VisitationCategory, from: string): DemoSpell[] => [
  spell(before, visitation, from, '2025-06-30'),
  spell(after, visitation, '2025-07-01'),
];

/** A citizen of the demo with their target-group spells, oldest first. */
const citizen = (
  cpr: string,
  name: string,
  gender: DemoCitizen['gender'],
  origin: DemoCitizen['origin'],
  ...spells: DemoSpell[]
): DemoCitizen => ({ cpr, name, gender, origin, spells });

// Both had youth education benefit until the 2025 reform made it kontanthjælp.
const amiraSpells = acrossReform2025('uddannelseshjaelp_aktivitetsparat', 'kontanthjaelp_aktivitetsparat', 'aktivitetsparat', '2014-06-01');
const fatimaSpells = acrossReform2025('uddannelseshjaelp_uddannelsesparat', 'kontanthjaelp_jobparat', 'uddannelsesparat', '2024-08-01');

const citizens = [
  citizen('1203851234', 'Jonas Holm', 'male', 'danish', spell('kontanthjaelp_aktivitetsparat', 'aktivitetsparat', '2014-02-01')),
  citizen('0507921122', 'Amira Hassan', 'female', 'non_western', ...amiraSpells),
  citizen('2211781357', 'Peter Sørensen', 'male', 'danish', spell('kontanthjaelp_aktivitetsparat', 'aktivitetsparat', '2013-09-01')),
  citizen('1408884468', 'Maria Kowalski', 'female', 'western', spell('sygedagpenge', null, '2026-03-01')),
  citizen('0302955579', 'Søren Ærø Mølgaard', 'male', 'danish', spell('ressourceforloeb', null, '2022-01-01')),
  citizen('1910014321', 'Fatima Ali', 'female', 'non_western', ...fatimaSpells),
  citizen('2506672244', 'Lene Dahl', 'female', 'danish', spell('kontanthjaelp_aktivitetsparat', 'aktivitetsparat', '2015-01-01')),
  citizen('0811893366', 'Ahmed Yilmaz', 'male', 'non_western', spell('kontanthjaelp_aktivitetsparat', 'aktivitetsparat', '2016-05-01')),
  citizen('3003904488', 'Camilla Berg', 'female', 'danish', spell('dagpenge', 'jobparat', '2026-02-01')),
  citizen('1712845511', 'Kasper Vind', 'male', 'danish', spell('fleksjob_ledighedsydelse', null, '2023-01-01')),
  citizen('0404976622', 'Nadia Petersen', 'female', 'danish', spell('jobafklaring', null, '2025-10-01')),
  citizen('2109873733', 'Mikkel Ravn', 'male', 'danish', spell('kontanthjaelp_aktivitetsparat', 'aktivitetsparat', '2019-03-01')),
] as const satisfies readonly DemoCitizen[];
/** One id for each of `citizens`, in its order. */
type CitizenIds<T extends readonly unknown[]> = { -readonly [K in keyof T]: number };

const today = (now: Date) => now.toISOString().slice(0, 10);

export async function loadDemoMunicipality(
  db: Database,
  input: { municipalityId: number; municipalityName: string; now: Date },
): Promise<void> {
  const users = usersRepository(db);
  const passwordHash = await hashPassword(demoPassword);
  const createUser = (username: string, name: string, role: UserRole, mentorId: number | null = null) =>
    users.create({ municipalityId: input.municipalityId, username, name, role, passwordHash, mentorId });

  const coordinator = await createUser('kirsten', 'Kirsten Koordinator', 'coordinator');
  const caseworker = await createUser('sara', 'Sara Sagsbehandler', 'caseworker');
  await createUser('lars', 'Lars Leder', 'manager');
  // The authority's contact for citizens, printed beside the caseworker on the agreement (issue 14).
  const municipalities = municipalitiesRepository(db);
  const stored = ((await municipalities.findById(input.municipalityId))?.settings ?? {}) as object;
  await municipalities.updateSettings(input.municipalityId, {
    ...stored,
    contactPhone: '+45 70 12 34 56',
    contactEmail: 'jobcenter@demo-kommune.dk',
  });
  const ctxOf = (user: { id: number; username: string; name: string; role: UserRole }): UseCaseContext => demoContext(db, input, user);
  const coord = ctxOf(coordinator);
  const cw = ctxOf(caseworker);

  const internal = await registerProvider(coord, { name: 'Jobcentrets mentorteam', type: 'internal', hourlyRate: 390 });
  const centre = await registerProvider(coord, { name: 'Beskæftigelsescenter Nord', type: 'employment_centre', hourlyRate: 410 });
  const external = await registerProvider(coord, { name: 'Mentorhuset ApS', type: 'external', hourlyRate: 425 });
  const specialist = await registerProvider(coord, { name: 'Psykologhuset Vest', type: 'external', hourlyRate: 650 });
  const company = await registerProvider(coord, { name: 'Bageriet Solsikken A/S', type: 'company', hourlyRate: 185 });
  const school = await registerProvider(coord, { name: 'Erhvervsskolen Syd', type: 'education', hourlyRate: 220 });
  await registerProvider(coord, { name: 'Frivilligcenter Demo', type: 'volunteer', hourlyRate: 0 });

  const fullTraining = [
    { module: 1, completedOn: '2014-09-15' },
    { module: 2, completedOn: '2014-10-13' },
    { module: 3, completedOn: '2014-11-10' },
    { module: 4, completedOn: '2015-01-19' },
  ];
  /** Registers a mentor with one qualification; the columns follow the parameters. */
  const mentor = (
    name: string,
    provider: { id: number },
    [phone, email]: [string, string],
    specialties: string[],
    languages: string[],
    weeklyCapacityHours: number,
    qualification: string,
    trainingModules: { module: number; completedOn: string }[] = [],
  ) =>
    registerMentor(coord, {
      name,
      providerId: provider.id,
      phone,
      email,
      specialties,
      languages,
      weeklyCapacityHours,
      qualifications: [qualification],
      trainingModules,
    });
  const mads = await mentor(
    'Mads Mentor',
    internal,
    ['+45 40 11 22 33', 'mads.mentor@demo.dk'],
    ['angst', 'misbrug'],
    ['da', 'en'],
    20,
    'Socialrådgiver',
    fullTraining,
  );
  const hanne = await mentor(
    'Hanne Ørsted',
    internal,
    ['+45 40 22 33 44', 'hanne.orsted@demo.dk'],
    ['ADHD', 'hjemløshed'],
    ['da'],
    25,
    'Pædagog',
    fullTraining.slice(0, 3),
  );
  const yusuf = await mentor(
    'Yusuf Demir',
    centre,
    ['+45 40 33 44 55', 'yusuf@bcnord.dk'],
    ['PTSD', 'angst'],
    ['da', 'tr', 'ar'],
    30,
    'Cand.psych.',
  );
  const birgit = await mentor(
    'Birgit Lund',
    external,
    ['+45 40 44 55 66', 'birgit@mentorhuset.dk'],
    ['misbrug', 'hjemløshed'],
    ['da', 'en'],
    35,
    'Misbrugsbehandler',
  );
  const psych = await mentor(
    'Jens Kragh',
    specialist,
    ['+45 40 55 66 77', 'jens@psykologhuset.dk'],
    ['PTSD', 'ADHD', 'angst'],
    ['da', 'en'],
    10,
    'Autoriseret psykolog',
  );
  const baker = await mentor(
    'Tove Bager',
    company,
    ['+45 40 66 77 88', 'tove@solsikken.dk'],
    [],
    ['da'],
    4,
    'Bagermester, virksomhedsmentorkursus',
  );
  const teacher = await mentor(
    'Ole Studievejleder',
    school,
    ['+45 40 77 88 99', 'ole@eud-syd.dk'],
    ['ordblindhed'],
    ['da'],
    6,
    'Studievejleder',
  );
  await createUser('mads', 'Mads Mentor', 'mentor', mads.id).then((u) => u);

  const ids: number[] = [];
  for (const c of citizens) {
    const citizen = await registerCitizen(cw, { cpr: c.cpr, name: c.name, gender: c.gender, origin: c.origin });
    for (const s of c.spells) await addTargetGroupSpell(cw, { citizenId: citizen.id, ...s });
    ids.push(citizen.id);
  }
  const [jonas, amira, peter, maria, soeren, fatima, lene, ahmed, camilla, kasper, nadia, mikkel] = ids as CitizenIds<typeof citizens>;
  void jonas; // Jonas is left without a grant: the browser journey grants him one.

  const sixMonthsFrom = (start: string) => periodEndInclusive({ start, months: 6, convention: 'calendar' });
  const base = {
    complaintGuidance: true,
    weeklyHours: 2,
    citizenConsent: true,
  };
  async function grant(input: {
    citizenId: number;
    type: GrantType;
    start: string;
    mentorId: number;
    goal: string;
    tasks: string[];
    end?: string;
    weeklyHours?: number;
    needAssessment?: string;
    previousGrantId?: number;
    assessmentDate?: string;
    justification?: string;
    dischargeDate?: string;
    admissionDate?: string;
    approve?: boolean;
    endWith?: { date: string; reason: 'PLANNED_END' | 'JOB' | 'EDUCATION' | 'READY_FOR_OFFER'; followUpOfferStart?: string };
  }): Promise<number> {
    const created = await grantMentorSupport(cw, {
      ...base,
      citizenId: input.citizenId,
      type: input.type,
      agreedOn: addDays(input.start, -7),
      startDate: input.start,
      endDate: input.end ?? sixMonthsFrom(input.start),
      weeklyHours: input.weeklyHours ?? base.weeklyHours,
      goal: input.goal,
      tasks: input.tasks,
      mentorId: input.mentorId,
      needAssessment: input.needAssessment ?? 'Borgeren har behov for støtte for at kunne fastholde et beskæftigelsesrettet forløb.',
      assessmentDate: input.assessmentDate ?? addDays(input.start, -7),
      previousGrantId: input.previousGrantId ?? null,
      justification: input.justification ?? null,
      dischargeDate: input.dischargeDate ?? null,
      admissionDate: input.admissionDate ?? null,
    });
    if (input.approve === false) return created.id;
    await approveGrant(cw, created.id);
    if (input.endWith) {
      await endGrant(cw, created.id, {
        endDate: input.endWith.date,
        reason: input.endWith.reason,
        followUpOfferStart: input.endWith.followUpOfferStart ?? null,
      });
    }
    return created.id;
  }

  const ropGoal = 'At skabe stabilitet og struktur i hverdagen, så borgeren kan deltage i et ret og pligt-tilbud.';
  const ropTasks = [
    'Ugentlige møder i borgerens hjem',
    'Følge borgeren til behandling og møder',
    'Hjælp til at skabe struktur i hverdagen',
  ];
  const retOgPligt = (citizenId: number, start: string, mentorId: number, rest: Partial<Parameters<typeof grant>[0]>) =>
    grant({ citizenId, type: 'RET_OG_PLIGT', start, mentorId, goal: ropGoal, tasks: ropTasks, ...rest });
  // 2015: Peter's ret-og-pligt periods under LAB-2014 (weekly contact), continued once.
  const p1 = await retOgPligt(peter, '2015-03-02', mads.id, { endWith: { date: '2015-09-01', reason: 'PLANNED_END' } });
  await retOgPligt(peter, '2015-09-02', mads.id, {
    previousGrantId: p1,
    assessmentDate: '2015-08-25',
    endWith: { date: '2016-03-01', reason: 'PLANNED_END' },
  });
  await retOgPligt(lene, '2015-06-01', hanne.id, { endWith: { date: '2015-11-30', reason: 'PLANNED_END' } });
  await retOgPligt(ahmed, '2017-02-06', yusuf.id, { weeklyHours: 1.5, endWith: { date: '2017-08-05', reason: 'PLANNED_END' } });
  await retOgPligt(amira, '2018-01-08', birgit.id, { endWith: { date: '2018-07-07', reason: 'PLANNED_END' } });
  // Active now (today is after these starts): general mentors in 2026 — there is no ret-og-pligt mentor for
  // agreements from 2020 (R-REG-1, law update 2026-12 §1).
  const now = today(input.now);
  const recent = (monthsAgo: number) => addMonths(now, -monthsAgo);
  const activeGoal = 'At skabe stabilitet og struktur i hverdagen, så borgeren kan deltage i et tilbud.';
  /** A grant that started `monthsAgo` months before today and is still running (or still awaits approval). */
  const runningGrant = (
    citizenId: number,
    type: GrantType,
    monthsAgo: number,
    mentorId: number,
    plan: Omit<Parameters<typeof grant>[0], 'citizenId' | 'type' | 'start' | 'mentorId'>,
  ) => grant({ citizenId, type, start: recent(monthsAgo), mentorId, ...plan });
  const mikkelGrant = await runningGrant(mikkel, 'GENERAL', 2, mads.id, { goal: activeGoal, tasks: ropTasks });
  const amiraGrant = await runningGrant(amira, 'GENERAL', 5, yusuf.id, { goal: activeGoal, tasks: ropTasks });
  const soerenGrant = await runningGrant(soeren, 'GENERAL', 3, birgit.id, {
    weeklyHours: 3,
    goal: 'At fastholde ressourceforløbet og afklare arbejdsevnen.',
    tasks: ['Støtte til fremmøde i praktik', 'Kontakt til misbrugscenter'],
  });
  await runningGrant(maria, 'GENERAL', 1, psych.id, {
    weeklyHours: 1,
    goal: 'At vende tilbage til arbejdet efter sygemelding.',
    tasks: ['Samtaler om håndtering af angst', 'Plan for gradvis tilbagevenden'],
  });
  await runningGrant(kasper, 'COMPANY', 2, baker.id, {
    weeklyHours: 3,
    goal: 'At fastholde fleksjob i bageriet.',
    tasks: ['Oplæring i arbejdsopgaver', 'Daglig opfølgning på trivsel'],
    justification: 'Oplæringen går ud over virksomhedens sædvanlige introduktion og er afgørende for fastholdelsen.',
  });
  await runningGrant(fatima, 'EDUCATION_INST', 2, teacher.id, {
    weeklyHours: 2,
    goal: 'At gennemføre første semester på erhvervsuddannelsen.',
    tasks: ['Lektiehjælp', 'Støtte ved fravær'],
    justification: 'Støtten ligger ud over skolens sædvanlige vejledning og er afgørende for at borgeren kan gennemføre.',
  });
  await runningGrant(nadia, 'GENERAL', 0, hanne.id, {
    weeklyHours: 2,
    approve: false,
    goal: 'At afklare arbejdsevnen under jobafklaringsforløbet.',
    tasks: ['Støtte til møder med sundhedskoordinator'],
  });
  await runningGrant(camilla, 'GENERAL', 1, birgit.id, {
    weeklyHours: 1,
    approve: false,
    goal: 'At komme i ordinært job.',
    tasks: ['Jobsøgning'],
  });
  await loadDemoDeliveries(cw, {
    peter2015: p1,
    mikkel: mikkelGrant,
    amira: amiraGrant,
    soeren: soerenGrant,
    citizens: { mikkel, soeren, lene },
  });
  await loadDemoEconomy(db, input);
  await loadDemoFollowUp(cw, { active: [mikkelGrant, amiraGrant, soerenGrant], frequentNoShows: soerenGrant });
  await demoHistoryRepository(db).seed({
    municipalityId: input.municipalityId,
    externalMentorId: birgit.id,
    internalMentorId: hanne.id,
    centreMentorId: yusuf.id,
  });
}

/** The demo as the first start loads it (prepare-database.ts), handed in by start-mentorspor.ts. */
export const demoMunicipality: DemoLoader = {
  password: demoPassword,
  async load(tx, input) {
    await loadDemoMunicipality(tx, input);
    return `Loaded demo municipality; demo users sara, mads, kirsten, lars, admin (password '${demoPassword}' unless MENTORSPOR_ADMIN_PASSWORD is set for admin)`;
  },
};
