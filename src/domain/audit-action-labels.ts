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
