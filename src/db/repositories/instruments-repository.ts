import type { IndicatorDefinition, InstrumentDefinition } from '../../domain/progression.ts';
import type { Database } from '../database.ts';

export type InstrumentRecord = InstrumentDefinition & {
  id: number;
  key: string;
  version: number;
  isDefault: boolean;
  createdAt: string;
  /** Measurements taken with this version; a used version is immutable. */
  measurementCount: number;
};

const columns = `i.id, i.key, i.version, i.name, i.licence_note as "licenceNote", i.cadence_months as "cadenceMonths",
  i.disagreement_threshold as "disagreementThreshold", i.is_default as "isDefault", i.created_at as "createdAt",
  (select count(*) from measurements m where m.instrument_id = i.id) as "measurementCount"`;

type IndicatorRow = IndicatorDefinition & { instrumentId: number };

export function instrumentsRepository(db: Database) {
  async function withIndicators(
    rows: (Omit<InstrumentRecord, 'indicators' | 'createdAt'> & { createdAt: Date | string })[],
  ): Promise<InstrumentRecord[]> {
    if (rows.length === 0) return [];
    const indicators = await db.query<IndicatorRow>(
      `select instrument_id as "instrumentId", code, label_da as "labelDa", label_en as "labelEn", respondents, scale_min as "scaleMin",
         scale_max as "scaleMax", anchors
       from instrument_indicators where instrument_id = any($1::int[]) order by instrument_id, position`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      ...r,
      createdAt: new Date(r.createdAt).toISOString(),
      indicators: indicators.filter((x) => x.instrumentId === r.id).map(({ instrumentId: _, ...rest }): IndicatorDefinition => rest),
    }));
  }
  return {
    async create(input: {
      municipalityId: number;
      key: string;
      version: number;
      isDefault: boolean;
      definition: InstrumentDefinition;
      createdBy: number | null;
    }): Promise<number> {
      const d = input.definition;
      const [row] = await db.query<{ id: number }>(
        `insert into instruments (municipality_id, key, version, name, licence_note, cadence_months, disagreement_threshold, is_default, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
        [
          input.municipalityId,
          input.key,
          input.version,
          d.name,
          d.licenceNote,
          d.cadenceMonths,
          d.disagreementThreshold,
          input.isDefault,
          input.createdBy,
        ],
      );
      await insertIndicators(db, row!.id, d.indicators);
      return row!.id;
    },
    /** Replaces name, settings and indicators of an unused version (the trigger refuses a used one). */
    async replace(input: { municipalityId: number; id: number; definition: InstrumentDefinition }): Promise<void> {
      const d = input.definition;
      await db.query(
        `update instruments set name = $3, licence_note = $4, cadence_months = $5, disagreement_threshold = $6 where municipality_id = $1 and id = $2`,
        [input.municipalityId, input.id, d.name, d.licenceNote, d.cadenceMonths, d.disagreementThreshold],
      );
      await db.query('delete from instrument_indicators where instrument_id = $1', [input.id]);
      await insertIndicators(db, input.id, d.indicators);
    },
    async list(municipalityId: number): Promise<InstrumentRecord[]> {
      return withIndicators(
        await db.query(`select ${columns} from instruments i where i.municipality_id = $1 order by i.key, i.version`, [municipalityId]),
      );
    },
    async findById(municipalityId: number, id: number): Promise<InstrumentRecord | null> {
      const [found] = await withIndicators(
        await db.query(`select ${columns} from instruments i where i.municipality_id = $1 and i.id = $2`, [municipalityId, id]),
      );
      return found ?? null;
    },
    async latestVersionOf(municipalityId: number, key: string): Promise<number> {
      const [row] = await db.query<{ v: number | null }>(
        'select max(version) as v from instruments where municipality_id = $1 and key = $2',
        [municipalityId, key],
      );
      return row?.v ?? 0;
    },
    async hasAny(municipalityId: number): Promise<boolean> {
      const [row] = await db.query<{ n: number }>('select count(*) as n from instruments where municipality_id = $1', [municipalityId]);
      return (row?.n ?? 0) > 0;
    },
  };
}

async function insertIndicators(db: Database, instrumentId: number, indicators: readonly IndicatorDefinition[]): Promise<void> {
  for (const [position, x] of indicators.entries()) {
    await db.query(
      `insert into instrument_indicators (instrument_id, position, code, label_da, label_en, respondents, scale_min, scale_max, anchors)
       values ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9)`,
      [instrumentId, position, x.code, x.labelDa, x.labelEn, x.respondents, x.scaleMin, x.scaleMax, JSON.stringify(x.anchors)],
    );
  }
}
