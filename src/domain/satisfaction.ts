/**
 * Satisfaction at course end (issue 5 point 6): a short citizen survey and the mentor's assessment,
 * each a configurable list of questions (scale, yes/no or free text). Free text is kept on the course
 * but never enters an aggregate.
 */
export const surveyKinds = ['citizen_end', 'mentor_end'] as const;
export type SurveyKind = (typeof surveyKinds)[number];
export const answerTypes = ['scale', 'yes_no', 'free_text'] as const;
export type AnswerType = (typeof answerTypes)[number];

export type SurveyQuestion = { code: string; textDa: string; textEn: string; answerType: AnswerType; scaleMin?: number; scaleMax?: number };
export type SurveyAnswer = number | boolean | string;

const scale = (code: string, textDa: string, textEn: string): SurveyQuestion => ({
  code,
  textDa,
  textEn,
  answerType: 'scale',
  scaleMin: 1,
  scaleMax: 5,
});

/** Default questions: neutral wording, 1–5 scales (1 = slet ikke, 5 = i høj grad), one yes/no, one free text. */
export const defaultSurveyQuestions: Record<SurveyKind, SurveyQuestion[]> = {
  citizen_end: [
    scale('overall', 'Hvor tilfreds er du samlet set med din mentorstøtte?', 'Overall, how satisfied are you with your mentor support?'),
    scale('listened', 'Har du oplevet, at din mentor lyttede til dig?', 'Did you feel that your mentor listened to you?'),
    scale(
      'helped',
      'Har mentorstøtten hjulpet dig videre mod job eller uddannelse?',
      'Has the mentor support helped you towards a job or education?',
    ),
    {
      code: 'recommend',
      textDa: 'Vil du anbefale mentorstøtte til andre i din situation?',
      textEn: 'Would you recommend mentor support to others in your situation?',
      answerType: 'yes_no',
    },
    {
      code: 'comment',
      textDa: 'Er der andet, du vil fortælle os?',
      textEn: 'Is there anything else you want to tell us?',
      answerType: 'free_text',
    },
  ],
  mentor_end: [
    scale('goal_reached', 'I hvilken grad er målet i aftalen nået?', 'To what degree has the goal of the agreement been reached?'),
    scale('cooperation', 'Hvordan har samarbejdet med borgeren fungeret?', 'How has the co-operation with the citizen worked?'),
    scale('coping', 'Er borgeren bedre til at klare sig nu end ved start?', 'Is the citizen better at coping now than at the start?'),
    {
      code: 'further_support',
      textDa: 'Har borgeren brug for yderligere støtte?',
      textEn: 'Does the citizen need further support?',
      answerType: 'yes_no',
    },
    { code: 'comment', textDa: 'Bemærkninger til sagsbehandleren', textEn: 'Remarks to the caseworker', answerType: 'free_text' },
  ],
};

/** Validation of a question list (§8.3 configurable). */
export function findSurveyQuestionProblems(questions: readonly SurveyQuestion[]): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (questions.length === 0) problems.push({ field: 'questions', message: 'at least one question is required' });
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    const at = `questions[${i}]`;
    if (!/^[a-z][a-z0-9_]{0,49}$/.test(q.code))
      problems.push({ field: `${at}.code`, message: 'code must be lower-case letters, digits and _' });
    if (seen.has(q.code)) problems.push({ field: `${at}.code`, message: `code '${q.code}' is used twice` });
    seen.add(q.code);
    if (q.textDa.trim() === '') problems.push({ field: `${at}.textDa`, message: 'Danish text is empty' });
    if (q.textEn.trim() === '') problems.push({ field: `${at}.textEn`, message: 'English text is empty' });
    if (q.answerType === 'scale') {
      if (
        q.scaleMin === undefined ||
        q.scaleMax === undefined ||
        !Number.isInteger(q.scaleMin) ||
        !Number.isInteger(q.scaleMax) ||
        q.scaleMin >= q.scaleMax
      ) {
        problems.push({ field: `${at}.scaleMin`, message: 'a scale question needs integer scaleMin below scaleMax' });
      }
    }
  });
  return problems;
}

/** Answers against the questions: known codes, the right type, within the scale. */
export function findAnswerProblems(
  questions: readonly SurveyQuestion[],
  answers: Record<string, unknown>,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (Object.keys(answers).length === 0) problems.push({ field: 'answers', message: 'at least one answer is required' });
  for (const [code, value] of Object.entries(answers)) {
    const q = questions.find((x) => x.code === code);
    const field = `answers.${code}`;
    if (!q) problems.push({ field, message: `no question '${code}'` });
    else if (
      q.answerType === 'scale' &&
      (typeof value !== 'number' || !Number.isInteger(value) || value < q.scaleMin! || value > q.scaleMax!)
    ) {
      problems.push({ field, message: `answer must be an integer ${q.scaleMin}–${q.scaleMax}` });
    } else if (q.answerType === 'yes_no' && typeof value !== 'boolean')
      problems.push({ field, message: 'answer must be yes (true) or no (false)' });
    else if (q.answerType === 'free_text' && (typeof value !== 'string' || value.length > 2000))
      problems.push({ field, message: 'answer must be a text of at most 2000 characters' });
  }
  return problems;
}

export type QuestionSummary = {
  code: string;
  answerType: 'scale' | 'yes_no';
  answers: number;
  mean: number | null;
  shareYes: number | null;
};

/** Mean per scale question and share of yes per yes/no question; free text never enters (issue 5 point 6). */
export function summariseAnswers(
  questions: readonly SurveyQuestion[],
  responses: readonly Record<string, SurveyAnswer>[],
): QuestionSummary[] {
  return questions
    .filter((q): q is SurveyQuestion & { answerType: 'scale' | 'yes_no' } => q.answerType !== 'free_text')
    .map((q) => {
      const values = responses
        .map((r) => r[q.code])
        .filter((v) => (q.answerType === 'scale' ? typeof v === 'number' : typeof v === 'boolean'));
      if (q.answerType === 'scale') {
        const nums = values as number[];
        return {
          code: q.code,
          answerType: q.answerType,
          answers: nums.length,
          mean: nums.length > 0 ? nums.reduce((s, v) => s + v, 0) / nums.length : null,
          shareYes: null,
        };
      }
      const bools = values as boolean[];
      return {
        code: q.code,
        answerType: q.answerType,
        answers: bools.length,
        mean: null,
        shareYes: bools.length > 0 ? bools.filter(Boolean).length / bools.length : null,
      };
    });
}
