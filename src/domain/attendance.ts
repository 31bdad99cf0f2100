/**
 * Attendance (issue 5 point 6) = attended contacts ÷ planned contacts. With the data we have, a
 * planned meeting is a logged contact: attended=true is a meeting that took place, attended=false a
 * planned meeting the citizen did not turn up to (a no-show). Meetings that were never logged are not
 * counted, so the share describes the logged appointments only; the contact frequency of the grant is
 * not turned into assumed meetings.
 */
export type AttendanceFigure = { planned: number; attended: number; missed: number; share: number | null };

export function attendanceOf(contacts: readonly { attended: boolean }[]): AttendanceFigure {
  const attended = contacts.filter((c) => c.attended).length;
  const planned = contacts.length;
  return { planned, attended, missed: planned - attended, share: planned > 0 ? attended / planned : null };
}

/** Pooled over courses (attended ÷ planned over all logged contacts) and the mean of the per-course shares. */
export function cohortAttendance(
  courses: readonly AttendanceFigure[],
): AttendanceFigure & { courses: number; coursesWithContacts: number; meanCourseShare: number | null } {
  const planned = courses.reduce((s, c) => s + c.planned, 0);
  const attended = courses.reduce((s, c) => s + c.attended, 0);
  const shares = courses.map((c) => c.share).filter((s): s is number => s !== null);
  return {
    courses: courses.length,
    coursesWithContacts: shares.length,
    planned,
    attended,
    missed: planned - attended,
    share: planned > 0 ? attended / planned : null,
    meanCourseShare: shares.length > 0 ? shares.reduce((s, v) => s + v, 0) / shares.length : null,
  };
}
