import type { EntryMode } from '../../domain/progression.ts';
import type { SurveyAnswer, SurveyKind, SurveyQuestion } from '../../domain/satisfaction.ts';
import type { Database } from '../database.ts';
import { insertReturningId } from '../insert-row.ts';

export type SurveyDefinitionRecord = { kind: SurveyKind; version: number; questions: SurveyQuestion[] };
export type SurveyResponseRecord = {
  id: number;
  grantId: number;
  kind: SurveyKind;
  questions: SurveyQuestion[];
  answers: Record<string, SurveyAnswer>;
  respondedOn: string;
  entryMode: EntryMode;
  enteredBy: number;
  enteredByName: string;
};

export function surveysRepository(db: Database) {
  return {
    async findCurrentDefinition(municipalityId: number, kind: SurveyKind): Promise<SurveyDefinitionRecord | null> {
      const [row] = await db.query<SurveyDefinitionRecord>(
        'select kind, version, questions from survey_definitions where municipality_id = $1 and kind = $2 order by version desc limit 1',
        [municipalityId, kind],
      );
      return row ?? null;
    },
    async createDefinition(input: {
      municipalityId: number;
      kind: SurveyKind;
      version: number;
      questions: SurveyQuestion[];
      createdBy: number;
    }): Promise<void> {
      await db.query('insert into survey_definitions (municipality_id, kind, version, questions, created_by) values ($1, $2, $3, $4, $5)', [
        input.municipalityId,
        input.kind,
        input.version,
        JSON.stringify(input.questions),
        input.createdBy,
      ]);
    },
    async createResponse(input: Omit<SurveyResponseRecord, 'id' | 'enteredByName'> & { municipalityId: number }): Promise<number> {
      const id = await insertReturningId(db, 'survey_responses', {
        municipality_id: input.municipalityId,
        grant_id: input.grantId,
        kind: input.kind,
        questions: JSON.stringify(input.questions),
        answers: JSON.stringify(input.answers),
        responded_on: input.respondedOn,
        entry_mode: input.entryMode,
        entered_by: input.enteredBy,
      });
      return id;
    },
    async listByGrantIds(municipalityId: number, grantIds: readonly number[]): Promise<SurveyResponseRecord[]> {
      if (grantIds.length === 0) return [];
      return db.query<SurveyResponseRecord>(
        `select r.id, r.grant_id as "grantId", r.kind, r.questions, r.answers, r.responded_on as "respondedOn", r.entry_mode as "entryMode",
           r.entered_by as "enteredBy", u.name as "enteredByName"
         from survey_responses r join users u on u.id = r.entered_by
         where r.municipality_id = $1 and r.grant_id = any($2::int[]) order by r.grant_id, r.kind`,
        [municipalityId, grantIds],
      );
    },
  };
}
