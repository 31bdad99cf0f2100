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

/** Purposes the system itself records; a user's purpose (the X-Purpose header, default "sagsbehandling") is their own text. */
export const auditPurposeLabels: Record<string, string> = { demo_data: 'demodata (indlæst ved første start)' };
