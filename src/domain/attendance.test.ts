import { describe, expect, it } from 'vitest';
import { attendanceOf, cohortAttendance } from './attendance.ts';

describe('attendance = attended ÷ planned contacts', () => {
  it('counts a logged contact the citizen did not attend as planned but missed', () => {
    // 6 Jan 2026: weekly meetings for 8 weeks; the citizen did not turn up on 3 Feb and 24 Feb.
    const contacts = [true, true, true, true, false, true, true, false].map((attended) => ({ attended }));
    expect(attendanceOf(contacts)).toEqual({ planned: 8, attended: 6, missed: 2, share: 0.75 });
  });

  it('has no share before any contact is logged', () => {
    expect(attendanceOf([]).share).toBeNull();
  });

  it('pools a cohort and also gives the mean of the course shares', () => {
    const a = attendanceOf([{ attended: true }, { attended: false }]);
    const b = attendanceOf([
      { attended: true },
      { attended: true },
      { attended: true },
      { attended: true },
      { attended: true },
      { attended: true },
    ]);
    const cohort = cohortAttendance([a, b, attendanceOf([])]);
    expect(cohort).toMatchObject({
      courses: 3,
      coursesWithContacts: 2,
      planned: 8,
      attended: 7,
      missed: 1,
      share: 7 / 8,
      meanCourseShare: (0.5 + 1) / 2,
    });
  });
});
