import type { Language } from '../../app/i18n.tsx';

export type Words = Record<Language, string>;
type NumberSetting = { field: string; kind: 'integer' | 'number' | 'percent'; label: Words; hint: Words };
type ChoiceSetting = { field: string; kind: 'choice'; label: Words; hint: Words; options: Record<string, Words> };
export type Setting = NumberSetting | ChoiceSetting;

/** The settings the admin edits (domain spec §8.3), grouped as the page shows them. Shares are edited in %. */
export const settingGroups: { legend: Words; settings: Setting[] }[] = [
  {
    legend: { da: 'Statistik og privatliv', en: 'Statistics and privacy' },
    settings: [
      {
        field: 'suppressionThreshold',
        kind: 'integer',
        label: { da: 'Diskretioneringsgrænse (personer)', en: 'Suppression threshold (persons)' },
        hint: {
          da: 'Celler i rapporter med færre personer end dette (men flere end 0) vises ikke (R-STAT-1).',
          en: 'Report cells with fewer persons than this (but more than 0) are hidden (R-STAT-1).',
        },
      },
      {
        field: 'auditRetentionMonths',
        kind: 'integer',
        label: { da: 'Adgangsloggen gemmes i (måneder)', en: 'Access log kept for (months)' },
        hint: { da: 'Ældre linjer i adgangsloggen slettes dagligt (R-PRV-1).', en: 'Older access log rows are deleted daily (R-PRV-1).' },
      },
    ],
  },
  {
    legend: { da: 'Fakturaer og økonomi', en: 'Invoices and economy' },
    settings: [
      {
        field: 'invoiceToleranceHours',
        kind: 'number',
        label: { da: 'Fakturatolerance (timer)', en: 'Invoice tolerance (hours)' },
        hint: {
          da: 'En fakturalinje markeres, når den har flere timer end registreret ud over det største af dette og andelen nedenfor (R-DEL-1).',
          en: 'An invoice line is flagged when it exceeds the logged hours by more than the larger of this and the share below (R-DEL-1).',
        },
      },
      {
        field: 'invoiceToleranceShare',
        kind: 'percent',
        label: { da: 'Fakturatolerance (% af registrerede timer)', en: 'Invoice tolerance (% of logged hours)' },
        hint: { da: 'Fx 10 %.', en: 'For example 10 %.' },
      },
      {
        field: 'hoursShortfallTolerance',
        kind: 'percent',
        label: { da: 'Tilladt underlevering af timer (%)', en: 'Allowed shortfall of hours (%)' },
        hint: {
          da: 'Leverede timer under bevillingen med mere end dette giver en bemærkning (R-DEL-1).',
          en: 'Delivered hours short of the grant by more than this give a finding (R-DEL-1).',
        },
      },
      {
        field: 'forecastLookbackMonths',
        kind: 'integer',
        label: { da: 'Prognosen bygger på de seneste (måneder)', en: 'Forecast based on the last (months)' },
        hint: {
          da: 'Antal måneders nye forløb, som prognosen regner videre med.',
          en: 'Months of recent grant starts behind the forecast.',
        },
      },
    ],
  },
  {
    legend: { da: 'Sagsbehandling', en: 'Casework' },
    settings: [
      {
        field: 'monthConvention',
        kind: 'choice',
        label: { da: 'Måneder regnes som', en: 'Months are counted as' },
        hint: { da: 'Bruges til periodernes længde.', en: 'Used for the length of periods.' },
        options: {
          calendar: { da: 'Kalendermåneder', en: 'Calendar months' },
          weeks26: { da: '26 uger pr. halvår', en: '26 weeks per half year' },
        },
      },
      {
        field: 'retOgPligtGraceDays',
        kind: 'integer',
        label: { da: 'Ret og pligt: næste tilbud inden (dage)', en: 'Ret og pligt: next offer within (days)' },
        hint: {
          da: 'Hvor mange dage "umiddelbart" betyder for det næste tilbud (R-ROP-3/4).',
          en: 'How many days "immediately" means for the next offer (R-ROP-3/4).',
        },
      },
      {
        field: 'deadlineWarningDays',
        kind: 'integer',
        label: { da: 'Varsel før en periode slutter (dage)', en: 'Warning before a period ends (days)' },
        hint: { da: 'Hvornår arbejdslisten viser en frist.', en: 'When the worklist shows a deadline.' },
      },
      {
        field: 'contactWeekSemantics',
        kind: 'choice',
        label: { da: 'Kontakt hver uge betyder', en: 'Weekly contact means' },
        hint: {
          da: 'Sådan tælles ugentlig kontakt for ret og pligt (R-ROP-5).',
          en: 'How weekly contact is counted for ret og pligt (R-ROP-5).',
        },
        options: {
          calendar_week: { da: 'Mindst én kontakt i hver kalenderuge', en: 'At least one contact in each calendar week' },
          max_gap_days: { da: 'Højst 7 dage mellem to kontakter', en: 'At most 7 days between two contacts' },
        },
      },
      {
        field: 'organisationLabel',
        kind: 'choice',
        label: { da: 'Organisationens navn i aftalen', en: 'Organisation in the agreement' },
        hint: { da: '"Jobcenter" før reformen, "kommune" efter.', en: '"Jobcenter" before the reform, "kommune" after.' },
        options: { jobcenter: { da: 'Jobcenter', en: 'Jobcenter' }, kommune: { da: 'Kommune', en: 'Municipality' } },
      },
    ],
  },
];

export const allSettings = settingGroups.flatMap((g) => g.settings);
