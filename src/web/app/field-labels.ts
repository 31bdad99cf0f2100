/**
 * Issue 14: an error names the field the way the form does ("Samarbejde: skal udfyldes"), never by its
 * path in the request (`values.cooperation`). Each label comes from where the form already takes it —
 * the i18n dictionaries, the settings page's definitions, the progression instrument's indicators and
 * the end-of-course survey's questions — so a label is written once. A field without a label is not
 * named at all.
 */
import { defaultInstrument } from '../../domain/progression.ts';
import { defaultSurveyQuestions } from '../../domain/satisfaction.ts';
import { allSettings, settingTextKey } from '../features/administration/settings-fields.ts';
import { textIn, type Language, type TextKey } from './i18n.tsx';

/** Request field → the dictionary key of the label its form shows (grant wizard, contacts, mentors, users, measurements). */
const fieldLabelKeys: Record<string, TextKey> = {
  // Grant wizard and ending a grant
  citizenId: 'citizenId',
  type: 'grantType',
  agreedOn: 'agreedOn',
  startDate: 'startDate',
  endDate: 'endDate',
  weeklyHours: 'weeklyHours',
  goal: 'goal',
  tasks: 'tasks',
  mentorId: 'mentor',
  complaintGuidance: 'complaintGuidance',
  needAssessment: 'needAssessment',
  assessmentDate: 'assessmentDate',
  citizenConsent: 'citizenConsent',
  dischargeDate: 'dischargeDate',
  admissionDate: 'admissionDate',
  previousGrantId: 'fieldPreviousGrant',
  justification: 'justification',
  reason: 'reason',
  followUpOfferStart: 'followUpOfferStart',
  // Contact log
  at: 'time',
  minutes: 'contactMinutes',
  form: 'contactFormLegend',
  attended: 'contactAttended',
  note: 'contactNote',
  confirmation: 'contactConfirmation',
  'confirmation.method': 'contactConfirmation',
  'confirmation.at': 'contactConfirmation',
  contacts: 'contactLog',
  method: 'contactConfirmation',
  // Mentors and providers
  name: 'name',
  providerId: 'provider',
  phone: 'phone',
  email: 'email',
  specialties: 'specialties',
  languages: 'languages',
  qualifications: 'qualifications',
  weeklyCapacityHours: 'capacity',
  hasAuthorityRole: 'authorityRole',
  trainingModules: 'trainingModules',
  'trainingModules.module': 'module',
  'trainingModules.completedOn': 'completedOn',
  active: 'userActive',
  hourlyRate: 'hourlyRate',
  validFrom: 'validFrom',
  // Users and passwords
  username: 'username',
  role: 'userRole',
  password: 'password',
  currentPassword: 'currentPassword',
  newPassword: 'newPassword',
  // The municipality's contact in the agreement (settings without a field on the settings page)
  contactPhone: 'phone',
  contactEmail: 'email',
  // Progression measurements and end-of-course surveys
  measuredOn: 'fuMeasuredOn',
  respondent: 'fuRespondent',
  entryMode: 'fieldEntryMode',
  instrumentId: 'fieldInstrument',
  values: 'fieldValues',
  kind: 'fuEndEvaluation',
  respondedOn: 'fuAnsweredOn',
  answers: 'fuAnswers',
};

/** "Samarbejde: Jeg kan samarbejde med andre" → "Samarbejde": the indicator's name before its statement. */
const shortLabel = (label: string) => label.split(':')[0]!.trim();

/**
 * The label of a request field in the user's language, or null when the field is unknown. Paths follow
 * the API's problems (`lines.0.grantId`, `values.cooperation`, `answers.overall`): list positions are
 * ignored, a measurement's value is named by its indicator, a survey answer by its question.
 */
export function fieldLabel(field: unknown, language: Language): string | null {
  if (typeof field !== 'string' || field === '') return null;
  const segments = field.split('.').filter((s) => !/^\d+$/.test(s));
  const [first, second] = segments;
  if (first === 'values' && second !== undefined) {
    const indicator = defaultInstrument.indicators.find((i) => i.code === second);
    return indicator ? shortLabel(language === 'da' ? indicator.labelDa : indicator.labelEn) : null;
  }
  if (first === 'answers' && second !== undefined) {
    const question = [...defaultSurveyQuestions.citizen_end, ...defaultSurveyQuestions.mentor_end].find((q) => q.code === second);
    return question ? `«${language === 'da' ? question.textDa : question.textEn}»` : null;
  }
  const path = segments.join('.');
  const setting = allSettings.find((s) => s.field === path);
  if (setting) return textIn(language, settingTextKey(setting.field));
  const key = fieldLabelKeys[path] ?? (segments.length > 1 ? fieldLabelKeys[segments[segments.length - 1]!] : undefined);
  return key ? textIn(language, key) : null;
}
