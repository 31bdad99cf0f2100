/** Danish names of the access log's actions: one source for the Adgangslog page and the CSV export (R-PRV-2). */
export const auditActionLabels: Record<string, string> = {
  read: 'Læst',
  search: 'Søgning',
  create: 'Oprettet',
  update: 'Ændret',
  export: 'Eksporteret',
  delete: 'Slettet',
  login: 'Login',
  login_failed: 'Fejlet login',
  access_denied: 'Adgang nægtet',
};

/** Danish names of what an access concerned (the log's entity), for the Adgangslog page and the CSV export a citizen receives. */
export const auditEntityLabels: Record<string, string> = {
  citizen: 'borger',
  grant: 'bevilling',
  contact: 'kontakt',
  survey_response: 'tilfredshedssvar',
  session: 'session',
  offer: 'tilbud',
  measurement: 'progressionsmåling',
  worklist: 'arbejdsliste',
  target_group_spell: 'målgruppeforløb',
  request: 'forespørgsel',
  register_statuses: 'registerdata',
  passive_citizens: 'passive borgere',
  min_plan: 'Min Plan',
  mentor_relation: 'relation til mentor',
  mentor_proposals: 'mentorforslag',
  invoice: 'faktura',
  grant_cost: 'bevillingens udgift',
  effect_analysis: 'effektanalyse',
  compliance: 'leverancekontrol',
  cohort_report: 'rapport',
  case_history_offers: 'tilbudshistorik',
  case_history_citizens: 'borgere fra sagssystemet',
  case_history_target_groups: 'målgrupper fra sagssystemet',
  case_history_grants: 'bevillinger fra sagssystemet',
  legal_regime: 'regelsæt',
  regime_changes: 'forløb der ændres af nye regler',
  mentor: 'mentor',
  municipal_settings: 'kommunens indstillinger',
  attendance: 'fremmøde',
  agreement: 'aftale',
  user: 'bruger',
  audit_log: 'adgangslog',
};

/** The same actions in English, for the English Adgangslog page (the CSV export a citizen receives stays Danish). */
export const auditActionLabelsEn: Record<keyof typeof auditActionLabels, string> = {
  read: 'Read',
  search: 'Search',
  create: 'Created',
  update: 'Changed',
  export: 'Exported',
  delete: 'Deleted',
  login: 'Login',
  login_failed: 'Failed login',
  access_denied: 'Access denied',
};

/** The same entities in English, for the English Adgangslog page. */
export const auditEntityLabelsEn: Record<keyof typeof auditEntityLabels, string> = {
  citizen: 'citizen',
  grant: 'grant',
  contact: 'contact',
  survey_response: 'survey response',
  session: 'session',
  offer: 'offer',
  measurement: 'progression measurement',
  worklist: 'worklist',
  target_group_spell: 'target-group spell',
  request: 'request',
  register_statuses: 'register data',
  passive_citizens: 'passive citizens',
  min_plan: 'Min Plan',
  mentor_relation: 'relation to a mentor',
  mentor_proposals: 'mentor proposals',
  invoice: 'invoice',
  grant_cost: 'cost of the grant',
  effect_analysis: 'effect analysis',
  compliance: 'delivery control',
  cohort_report: 'report',
  case_history_offers: 'offer history',
  case_history_citizens: 'citizens from the case system',
  case_history_target_groups: 'target groups from the case system',
  case_history_grants: 'grants from the case system',
  legal_regime: 'rules',
  regime_changes: 'courses changed by new rules',
  mentor: 'mentor',
  municipal_settings: 'municipal settings',
  attendance: 'attendance',
  agreement: 'agreement',
  user: 'user',
  audit_log: 'access log',
};

/** Purposes the system itself records; a user's purpose (the X-Purpose header, default "sagsbehandling") is their own text. */
export const auditPurposeLabels: Record<string, string> = { demo_data: 'demodata (indlæst ved første start)' };

/** The same purposes in English, for the English Adgangslog page. */
export const auditPurposeLabelsEn: Record<string, string> = { demo_data: 'demo data (loaded at the first start)' };
