import { auditLogRepository } from '../db/repositories/audit-log-repository.ts';
import { auditActionLabels, auditEntityLabels, auditPurposeLabels } from '../domain/audit-action-labels.ts';
import { formatDateTime } from '../domain/danish-format.ts';
import { recordAudit } from './record-audit.ts';
import { citizenOfFilter, type AccessLogFilter } from './search-access-log.ts';
import { requirePermission, type UseCaseContext } from './use-case-context.ts';

function csvField(value: string): string {
  return /[;"\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * R-PRV-2, a data subject's right of access (issue 14): every logged access to one citizen's data as a
 * CSV file (semicolon, UTF-8 with BOM for Excel), Danish headings and action names. The export is logged.
 */
export async function exportAccessLog(ctx: UseCaseContext, filter: AccessLogFilter): Promise<{ filename: string; csv: string }> {
  requirePermission(ctx, 'audit:read');
  const citizenId = await citizenOfFilter(ctx, filter);
  const { entries } = await auditLogRepository(ctx.db).search(ctx.actor.municipalityId, {
    citizenId,
    from: filter.from ?? null,
    to: filter.to ?? null,
    username: null,
    action: null,
    limit: 100_000,
    offset: 0,
  });
  const lines = [['Tidspunkt', 'Bruger', 'Handling', 'Oplysning', 'Formål'].join(';')];
  for (const e of entries) {
    const at = new Date(e.at);
    const time = formatDateTime(at);
    lines.push(
      [
        time,
        e.username,
        auditActionLabels[e.action] ?? e.action,
        auditEntityLabels[e.entity] ?? e.entity,
        e.purpose ? (auditPurposeLabels[e.purpose] ?? e.purpose) : '',
      ]
        .map(csvField)
        .join(';'),
    );
  }
  await recordAudit(ctx, {
    action: 'export',
    entity: 'audit_log',
    citizenIds: citizenId === null ? [] : [citizenId],
    criterion: `rows:${entries.length}`,
  });
  return { filename: `adgangslog-${citizenId ?? 'kommune'}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}
