import { describe, expect, it } from 'vitest';
import { visibleTextProblems } from '../../app/visible-text-problems.ts';
import { auditCriterionText, type AuditEntryCriterion } from './audit-criterion-text.ts';

declare global {
  interface ImportMeta {
    /** Vite's (and so vitest's) static glob import; the web code has no Node types to read files with. */
    glob(pattern: string, options: { query: '?raw'; import: 'default'; eager: true }): Record<string, string>;
  }
}

/** The use cases' sources by file name, without their tests and without the audit writer itself. */
const useCaseSources = Object.entries(import.meta.glob('../../../use-cases/*.ts', { query: '?raw', import: 'default', eager: true }))
  .map(([path, source]) => [path.split('/').pop()!, source] as const)
  .filter(([file]) => !file.endsWith('.test.ts') && file !== 'record-audit.ts');

type Example = { entry: AuditEntryCriterion; da: string; en: string };
const row = (action: string, entity: string, criterion: string) => ({ action, entity, criterion });

/**
 * Every criterion shape the use cases write, keyed by the file that writes it, with what the access log
 * shows for it. Examples follow the writers' templates literally (see each file's `recordAudit` call).
 */
const shapes: Record<string, Example[]> = {
  'search-citizens.ts': [
    { entry: row('search', 'citizen', 'text:Jensen'), da: 'Søgning efter «Jensen»', en: 'Search for “Jensen”' },
    {
      entry: row('search', 'citizen', 'cpr:010180… mine'),
      da: 'Søgning på CPR-nummer 010180… (mine sager)',
      en: 'Search by CPR number 010180… (my cases)',
    },
  ],
  'search-access-log.ts': [
    {
      entry: row('search', 'audit_log', 'cpr:010180-XXXX'),
      da: 'Adgangslog for CPR-nummer 010180-XXXX',
      en: 'Access log for CPR number 010180-XXXX',
    },
    { entry: row('search', 'audit_log', 'citizen:12'), da: 'Adgangslog for borger nr. 12', en: 'Access log for citizen no. 12' },
  ],
  'export-access-log.ts': [{ entry: row('export', 'audit_log', 'rows:1234'), da: 'Udtræk med 1.234 linjer', en: 'Export of 1,234 rows' }],
  'log-in.ts': [
    { entry: row('login_failed', 'session', 'ip:192.168.0.17'), da: 'Fra IP-adresse 192.168.0.17', en: 'From IP address 192.168.0.17' },
    {
      entry: row('login_failed', 'session', 'sso-required'),
      da: 'Adgangskode afvist: brugeren skal logge ind med organisationen',
      en: 'Password refused: the user must log in with the organisation',
    },
    {
      entry: row('login', 'session', 'break-glass'),
      da: 'Nødadgang med adgangskode, mens log ind med organisationen er slået til',
      en: 'Emergency login with a password while login with the organisation is on',
    },
  ],
  'single-sign-on.ts': [
    { entry: row('login', 'session', 'sso'), da: 'Log ind med organisationen', en: 'Login with the organisation' },
    {
      entry: row('login_failed', 'session', 'sso:no-role'),
      da: 'Log ind med organisationen afvist: ingen rolle i Mentorspor',
      en: 'Login with the organisation refused: no role in Mentorspor',
    },
    {
      entry: row('login_failed', 'session', 'sso:username-taken'),
      da: 'Log ind med organisationen afvist: brugernavnet bruges af en anden bruger',
      en: 'Login with the organisation refused: the username is used by another user',
    },
    {
      entry: row('login_failed', 'session', 'sso:deactivated'),
      da: 'Log ind med organisationen afvist: brugeren er deaktiveret',
      en: 'Login with the organisation refused: the user is deactivated',
    },
    {
      entry: row('login_failed', 'session', 'sso:mentor-not-linked'),
      da: 'Log ind med organisationen afvist: mentorbrugeren er ikke knyttet til en mentor',
      en: 'Login with the organisation refused: the mentor user is not linked to a mentor',
    },
    {
      entry: row('create', 'user', 'user:sara role:caseworker sso'),
      da: 'sara oprettet ved log ind med organisationen som Sagsbehandler',
      en: 'sara created at login with the organisation as Caseworker',
    },
    {
      entry: row('update', 'user', 'user:sara role:manager sso'),
      da: 'sara har fået rollen Leder fra organisationen',
      en: 'sara was given the role Manager by the organisation',
    },
  ],
  'create-user.ts': [
    { entry: row('create', 'user', 'user:mads role:mentor'), da: 'mads oprettet som Mentor', en: 'mads created as Mentor' },
  ],
  'change-own-password.ts': [
    {
      entry: row('update', 'user', 'user:sara password-changed'),
      da: 'sara valgte sin egen adgangskode',
      en: 'sara chose their own password',
    },
  ],
  'reset-user-password.ts': [
    { entry: row('update', 'user', 'user:sara password-reset'), da: 'Ny engangskode til sara', en: 'New one-time password for sara' },
  ],
  'update-user.ts': [
    {
      entry: row('update', 'user', 'user:sara name=Sara Holm Berg role=manager active=false mentorId=null sessions-ended:2'),
      da: 'sara ændret – Navn: Sara Holm Berg, Rolle: Leder, Aktiv: nej, Mentor: ingen; 2 sessioner afsluttet',
      en: 'sara changed – Name: Sara Holm Berg, Role: Manager, Active: no, Mentor: none; 2 sessions ended',
    },
    {
      entry: row('update', 'user', 'user:mads mentorId=7'),
      da: 'mads ændret – Mentor: mentor nr. 7',
      en: 'mads changed – Mentor: mentor no. 7',
    },
  ],
  'update-mentor.ts': [
    {
      entry: row('update', 'mentor', 'mentor:7 phone,weeklyCapacityHours'),
      da: 'Mentor nr. 7: Telefon, Kapacitet (timer/uge) ændret',
      en: 'Mentor no. 7: Phone, Capacity (hours/week) changed',
    },
  ],
  'update-municipal-settings.ts': [
    {
      entry: row('update', 'municipal_settings', 'auditRetentionMonths,suppressionThreshold'),
      da: 'Ændret: Adgangsloggen gemmes i (måneder), Diskretioneringsgrænse (personer)',
      en: 'Changed: Access log kept for (months), Suppression threshold (persons)',
    },
  ],
  'discard-grant-draft.ts': [
    { entry: row('delete', 'grant', 'grant:41 draft'), da: 'Kladde til bevilling nr. 41 kasseret', en: 'Draft grant no. 41 discarded' },
  ],
  'list-grants.ts': [
    { entry: row('search', 'grant', 'grants:all'), da: 'Alle bevillinger', en: 'All grants' },
    {
      entry: row('search', 'grant', 'grants:citizen=12,status=approved'),
      da: 'Bevillinger for borger nr. 12, godkendt',
      en: 'Grants of citizen no. 12, approved',
    },
  ],
  'confirm-regime.ts': [
    {
      entry: row('update', 'legal_regime', 'regime:ACT-2027; R-REG-2 confirmed: Lov nr. 1234 af 20.12.2026'),
      da: 'Regelsæt ACT-2027 bekræftet (R-REG-2), kilde: Lov nr. 1234 af 20.12.2026',
      en: 'Rules ACT-2027 confirmed (R-REG-2), source: Lov nr. 1234 af 20.12.2026',
    },
  ],
  'update-regime.ts': [
    { entry: row('update', 'legal_regime', 'regime:LAB-2020'), da: 'Regelsæt LAB-2020 ændret', en: 'Rules LAB-2020 changed' },
    {
      entry: row(
        'update',
        'legal_regime',
        'regime:LAB-2020; R-REG-1 RET_OG_PLIGT switched on: Byrådets beslutning; R-FIN-5 rate 41250 confirmed: BEK 2026',
      ),
      da: 'Regelsæt LAB-2020 ændret; R-REG-1: Ret og pligt-mentor tilbydes (begrundelse: Byrådets beslutning); R-FIN-5: sats 41.250\u00a0kr. bekræftet (kilde: BEK 2026)',
      en: 'Rules LAB-2020 changed; R-REG-1: Ret-og-pligt mentor offered (reason: Byrådets beslutning); R-FIN-5: rate DKK\u00a041,250 confirmed (source: BEK 2026)',
    },
  ],
  'report-regime-changes.ts': [
    {
      entry: row('read', 'regime_changes', 'regime-changes:ACT-2027'),
      da: 'Forløb der ændres ved regelsæt ACT-2027',
      en: 'Courses changed by the rules ACT-2027',
    },
  ],
  'run-effect-analysis.ts': [
    {
      entry: row('create', 'effect_analysis', 'effect:RET_OG_PLIGT:2015-01-01..2019-12-31'),
      da: 'Effektanalyse: Ret og pligt-mentor, første start 01.01.2015–31.12.2019',
      en: 'Effect analysis: Ret-og-pligt mentor, first start 01/01/2015–31/12/2019',
    },
    {
      entry: row('delete', 'effect_analysis', 'effect:0f8c6a52-55f1-4c1e-9a51-3b1f0f6f2d11'),
      da: 'Gemt effektanalyse slettet',
      en: 'Saved effect analysis deleted',
    },
  ],
  'export-effect-analysis.ts': [
    {
      entry: row('export', 'effect_analysis', 'effect:0f8c6a52-55f1-4c1e-9a51-3b1f0f6f2d11:xlsx'),
      da: 'Effektanalyse hentet som XLSX',
      en: 'Effect analysis downloaded as XLSX',
    },
  ],
  'list-passive-citizens.ts': [
    {
      entry: row('read', 'passive_citizens', 'passive:2026-12-03'),
      da: 'Passive borgere pr. 03.12.2026',
      en: 'Passive citizens on 03/12/2026',
    },
  ],
  'list-cohort-report-citizens.ts': [
    {
      entry: row(
        'read',
        'cohort_report',
        'report:outcome-status:2014-01-01..2015-09-30:RET_OG_PLIGT:all:kontanthjaelp_aktivitetsparat/total',
      ),
      da: 'Borgere bag rapporten «Status efter første forløb», første start 01.01.2014–30.09.2015, Ret og pligt-mentor, alle målgrupper: Kontanthjælp, aktivitetsparat · I alt',
      en: 'Citizens behind the report “Status after the first course”, first start 01/01/2014–30/09/2015, Ret-og-pligt mentor, all target groups: Kontanthjælp (cash benefit), activity-ready · Total',
    },
    {
      entry: row(
        'read',
        'cohort_report',
        'report:starts-per-month:2015-01-01..2015-12-31:all:kontanthjaelp_jobparat+dagpenge:2015-03/mentor',
      ),
      da: 'Borgere bag rapporten «Påbegyndte forløb pr. måned», første start 01.01.2015–31.12.2015, alle typer, Kontanthjælp, jobparat, Dagpenge: marts 2015 · Mentor',
      en: 'Citizens behind the report “Courses started per month”, first start 01/01/2015–31/12/2015, all types, Kontanthjælp (cash benefit), job-ready, Dagpenge (unemployment benefit): March 2015 · Mentor',
    },
  ],
  'import-case-history.ts': [
    {
      entry: row('create', 'case_history_target_groups', 'import:target-groups:1200 rows, 1000 created, 150 updated, 50 unchanged'),
      da: 'Import af sagshistorik (målgrupper): 1.200 linjer, 1.000 oprettet, 150 ændret, 50 uændret',
      en: 'Case-history import (target groups): 1,200 rows, 1,000 created, 150 updated, 50 unchanged',
    },
  ],
  'import-register-statuses.ts': [
    {
      entry: row('create', 'register_statuses', 'import:wide:dst:260 weeks'),
      da: 'Registerimport (bredt: én kolonne pr. uge), kodeoversættelse «dst»: 260 uger',
      en: 'Register import (wide: one column per week), mapping “dst”: 260 weeks',
    },
    {
      entry: row('create', 'register_statuses', 'import:long:DREAM: egen liste:1040 weeks'),
      da: 'Registerimport (langt: én linje pr. borger og uge), kodeoversættelse «DREAM: egen liste»: 1.040 uger',
      en: 'Register import (long: one line per citizen and week), mapping “DREAM: egen liste”: 1,040 weeks',
    },
  ],
  'record-denied-access.ts': [
    {
      entry: row('access_denied', 'request', '403 GET /api/citizens/:id'),
      da: 'Ingen adgang (403): GET /api/citizens/:id',
      en: 'No access (403): GET /api/citizens/:id',
    },
  ],
};

describe('auditCriterionText', () => {
  it('has examples for every use case that writes a criterion', () => {
    const writers = useCaseSources.filter(([, source]) => source.includes('criterion')).map(([file]) => file);
    expect(useCaseSources.length).toBeGreaterThan(50);
    expect(Object.keys(shapes).sort()).toEqual(writers.sort());
  });

  for (const [writer, examples] of Object.entries(shapes)) {
    it(`reads the criteria of ${writer} in Danish and English`, () => {
      for (const example of examples) {
        expect(auditCriterionText(example.entry, 'da')).toBe(example.da);
        expect(auditCriterionText(example.entry, 'en')).toBe(example.en);
      }
    });
  }

  it('shows no ISO date, decimal point, code or (in English) Danish word in any of them', () => {
    const examples = Object.values(shapes).flat();
    const problems = [
      ...examples.flatMap((x) => visibleTextProblems(x.da, 'da')),
      ...examples.flatMap((x) => visibleTextProblems(x.en, 'en')),
    ];
    expect(problems).toEqual([]);
  });

  it('answers null for a shape it does not know, and for no criterion', () => {
    expect(auditCriterionText(row('read', 'grant', 'something:new 2026'), 'da')).toBeNull();
    expect(auditCriterionText(row('update', 'municipal_settings', 'noSuchSetting'), 'da')).toBeNull();
    expect(auditCriterionText(row('update', 'user', 'user:sara role=no_such_role'), 'en')).toBeNull();
    expect(auditCriterionText({ action: 'read', entity: 'grant', criterion: null }, 'da')).toBeNull();
  });
});
