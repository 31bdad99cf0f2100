import { contactsRepository } from '../db/repositories/contacts-repository.ts';
import { attendanceOf, type AttendanceFigure } from '../domain/attendance.ts';
import { loadVisibleGrant } from './get-grant.ts';
import { recordAudit } from './record-audit.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

/** Attendance of one course: attended ÷ planned logged contacts (see domain/attendance.ts for "planned"). */
export async function getGrantAttendance(ctx: UseCaseContext, grantId: number): Promise<AttendanceFigure & { grantId: number }> {
  requirePermission(ctx, 'grant:read');
  const grant = await loadVisibleGrant(ctx, grantId);
  const contacts = await contactsRepository(ctx.db).listByGrantId(ctx.actor.municipalityId, grantId);
  await recordAudit(ctx, { action: 'read', entity: 'attendance', citizenIds: [grant.citizenId] });
  return { grantId, ...attendanceOf(contacts) };
}
