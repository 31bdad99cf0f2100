import { describe, expect, it } from 'vitest';
import { ChangePasswordBodySchema } from '../../api/auth/auth.schemas.ts';
import { BulkContactsBodySchema, ConfirmContactBodySchema, RecordContactBodySchema } from '../../api/delivery/delivery.schemas.ts';
import { RecordMeasurementBodySchema, RecordSurveyResponseBodySchema } from '../../api/follow-up/follow-up.schemas.ts';
import { EndGrantBodySchema, GrantBodySchema, GrantPatchBodySchema } from '../../api/grants/grants.schemas.ts';
import { CreateMentorBodySchema, UpdateMentorBodySchema } from '../../api/registers/registers.schemas.ts';
import { CreateUserBodySchema, UpdateUserBodySchema } from '../../api/users/users.schemas.ts';
import { economySettingRules } from '../../domain/economy-settings.ts';
import { municipalSettingRules } from '../../domain/municipal-settings.ts';
import { defaultInstrument } from '../../domain/progression.ts';
import { defaultSurveyQuestions } from '../../domain/satisfaction.ts';
import { fieldLabel } from './field-labels.ts';

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; anyOf?: SchemaNode[] };

/** Every path the validation can report in a body of this schema, as the API writes it (`confirmation.method`, `trainingModules.0.module`). */
function fieldPathsOf(node: unknown, prefix = ''): string[] {
  const schema = node as SchemaNode;
  const paths: string[] = [];
  for (const member of schema.anyOf ?? []) paths.push(...fieldPathsOf(member, prefix));
  if (schema.items) paths.push(...fieldPathsOf(schema.items, `${prefix}0.`));
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    paths.push(`${prefix}${key}`, ...fieldPathsOf(property, `${prefix}${key}.`));
  }
  return [...new Set(paths)];
}

const forms: Record<string, unknown[]> = {
  'grant wizard': [GrantBodySchema, GrantPatchBodySchema, EndGrantBodySchema],
  'contact log': [RecordContactBodySchema, BulkContactsBodySchema, ConfirmContactBodySchema],
  mentor: [CreateMentorBodySchema, UpdateMentorBodySchema],
  user: [CreateUserBodySchema, UpdateUserBodySchema, ChangePasswordBodySchema],
  measurement: [RecordMeasurementBodySchema, RecordSurveyResponseBodySchema],
};

describe('fieldLabel', () => {
  it('reads the paths out of the request schemas, nested objects and lists included', () => {
    expect(fieldPathsOf(RecordContactBodySchema)).toEqual(
      expect.arrayContaining(['at', 'minutes', 'confirmation', 'confirmation.method', 'confirmation.at']),
    );
    expect(fieldPathsOf(CreateMentorBodySchema)).toEqual(
      expect.arrayContaining(['name', 'weeklyCapacityHours', 'trainingModules.0.module', 'trainingModules.0.completedOn']),
    );
  });

  for (const [form, schemas] of Object.entries(forms)) {
    it(`names every field of the ${form} in Danish and English`, () => {
      const paths = schemas.flatMap((s) => fieldPathsOf(s));
      expect(paths.length).toBeGreaterThan(2);
      const unnamed = paths.filter((p) => fieldLabel(p, 'da') === null || fieldLabel(p, 'en') === null);
      expect(unnamed).toEqual([]);
    });
  }

  it('names every municipal and economy setting in Danish and English', () => {
    const fields = [...municipalSettingRules, ...economySettingRules].map((r) => r.field);
    expect(fields.filter((f) => fieldLabel(f, 'da') === null || fieldLabel(f, 'en') === null)).toEqual([]);
  });

  it('names a measured value by its indicator and a survey answer by its question', () => {
    expect(fieldLabel('values.cooperation', 'da')).toBe('Samarbejde');
    expect(fieldLabel('values.cooperation', 'en')).toBe('Co-operation');
    expect(fieldLabel('answers.overall', 'da')).toBe('«Hvor tilfreds er du samlet set med din mentorstøtte?»');
    const codes = [
      ...defaultInstrument.indicators.map((i) => `values.${i.code}`),
      ...[...defaultSurveyQuestions.citizen_end, ...defaultSurveyQuestions.mentor_end].map((q) => `answers.${q.code}`),
    ];
    expect(codes.filter((c) => fieldLabel(c, 'da') === null || fieldLabel(c, 'en') === null)).toEqual([]);
  });

  it('uses the form’s own label and ignores list positions', () => {
    expect(fieldLabel('endDate', 'da')).toBe('Slutdato (inklusive)');
    expect(fieldLabel('trainingModules.1.completedOn', 'en')).toBe('Completed');
    expect(fieldLabel('suppressionThreshold', 'en')).toBe('Suppression threshold (persons)');
  });

  it('names no unknown field, so a request path never reaches the page', () => {
    expect(fieldLabel('values.no_such_indicator', 'da')).toBeNull();
    expect(fieldLabel('body', 'da')).toBeNull();
    expect(fieldLabel('x.y.z', 'en')).toBeNull();
    expect(fieldLabel('', 'da')).toBeNull();
    expect(fieldLabel(42, 'da')).toBeNull();
  });
});
