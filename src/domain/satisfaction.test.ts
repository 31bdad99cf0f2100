import { describe, expect, it } from 'vitest';
import { defaultSurveyQuestions, findAnswerProblems, findSurveyQuestionProblems, summariseAnswers } from './satisfaction.ts';

describe('end-of-course surveys', () => {
  it('ships valid default questions of both kinds', () => {
    expect(findSurveyQuestionProblems(defaultSurveyQuestions.citizen_end)).toEqual([]);
    expect(findSurveyQuestionProblems(defaultSurveyQuestions.mentor_end)).toEqual([]);
  });

  it('refuses answers of the wrong type or outside the scale', () => {
    const problems = findAnswerProblems(defaultSurveyQuestions.citizen_end, { overall: 7, recommend: 'ja', comment: 'Godt', nope: 1 });
    expect(problems.map((p) => p.field)).toEqual(['answers.overall', 'answers.recommend', 'answers.nope']);
  });

  it('summarises scale means and yes shares and leaves free text out', () => {
    // 30 Jun 2026: three courses end; two citizens answer the survey, one skips "recommend".
    const summary = summariseAnswers(defaultSurveyQuestions.citizen_end, [
      { overall: 4, recommend: true, comment: 'Min mentor var god' },
      { overall: 5, listened: 3 },
    ]);
    expect(summary.find((q) => q.code === 'overall')).toMatchObject({ answers: 2, mean: 4.5 });
    expect(summary.find((q) => q.code === 'recommend')).toMatchObject({ answers: 1, shareYes: 1 });
    expect(summary.some((q) => q.code === 'comment')).toBe(false);
  });
});
