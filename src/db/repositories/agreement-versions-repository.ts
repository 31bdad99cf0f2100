import type { Database } from '../database.ts';

export type AgreementVersion = { version: number; document: unknown; pdf: Uint8Array; createdAt: string };

export function agreementVersionsRepository(db: Database) {
  return {
    async create(input: {
      municipalityId: number;
      grantId: number;
      document: unknown;
      pdf: Uint8Array;
      createdBy: number;
    }): Promise<number> {
      const [row] = await db.query<{ version: number }>(
        `insert into agreement_versions (municipality_id, grant_id, version, document, pdf, created_by)
         values ($1, $2, coalesce((select max(version) from agreement_versions where grant_id = $2), 0) + 1, $3, $4, $5)
         returning version`,
        [input.municipalityId, input.grantId, JSON.stringify(input.document), input.pdf, input.createdBy],
      );
      return row!.version;
    },
    async findLatest(municipalityId: number, grantId: number): Promise<AgreementVersion | null> {
      const [row] = await db.query<AgreementVersion & { createdAt: Date }>(
        `select version, document, pdf, created_at as "createdAt" from agreement_versions
         where municipality_id = $1 and grant_id = $2 order by version desc limit 1`,
        [municipalityId, grantId],
      );
      return row ? { ...row, pdf: new Uint8Array(row.pdf), createdAt: new Date(row.createdAt).toISOString() } : null;
    },
  };
}
