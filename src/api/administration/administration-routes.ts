import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { confirmRegime } from '../../use-cases/confirm-regime.ts';
import { exportAccessLog } from '../../use-cases/export-access-log.ts';
import { reportRegimeChanges } from '../../use-cases/report-regime-changes.ts';
import { searchAccessLog, type AuditAction } from '../../use-cases/search-access-log.ts';
import { listRegimes } from '../../use-cases/list-regimes.ts';
import { loadEconomySettings } from '../../use-cases/load-economy-settings.ts';
import { loadMunicipalSettings } from '../../use-cases/load-municipal-settings.ts';
import { updateMunicipalSettings } from '../../use-cases/update-municipal-settings.ts';
import { updateRegime } from '../../use-cases/update-regime.ts';
import { requirePermission } from '../../use-cases/use-case-context.ts';
import { contextOf } from '../request-context.ts';
import {
  AuditQuerySchema,
  ConfirmRegimeBodySchema,
  RegimeParamsSchema,
  UpdateRegimeBodySchema,
  UpdateSettingsBodySchema,
} from './administration.schemas.ts';

export const administrationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/regimes', { schema: { tags: ['administration'] } }, async (request) => ({
    regimes: await listRegimes(contextOf(request)),
  }));

  app.put(
    '/api/regimes/:id',
    { schema: { tags: ['administration'], params: RegimeParamsSchema, body: UpdateRegimeBodySchema } },
    async (request) => updateRegime(contextOf(request), { id: request.params.id, ...request.body }),
  );

  app.post(
    '/api/regimes/:id/confirm',
    { schema: { tags: ['administration'], params: RegimeParamsSchema, body: ConfirmRegimeBodySchema } },
    async (request) => confirmRegime(contextOf(request), { id: request.params.id, note: request.body.note }),
  );

  app.get('/api/regimes/:id/changes', { schema: { tags: ['administration'], params: RegimeParamsSchema } }, async (request) =>
    reportRegimeChanges(contextOf(request), request.params.id),
  );

  app.get('/api/municipality/settings', { schema: { tags: ['administration'] } }, async (request) => {
    const ctx = contextOf(request);
    requirePermission(ctx, 'regime:read');
    return { ...(await loadMunicipalSettings(ctx)), ...(await loadEconomySettings(ctx)) };
  });

  app.put('/api/municipality/settings', { schema: { tags: ['administration'], body: UpdateSettingsBodySchema } }, async (request) =>
    updateMunicipalSettings(contextOf(request), request.body),
  );

  // R-PRV-2: the access log, filtered and paged (50 a page) with the total; by citizen id or CPR number.
  app.get('/api/audit', { schema: { tags: ['audit'], querystring: AuditQuerySchema } }, async (request) =>
    searchAccessLog(contextOf(request), { ...request.query, action: (request.query.action as AuditAction | undefined) ?? null }),
  );
  // A data subject's access request: every access to one citizen as CSV.
  app.get('/api/audit/export.csv', { schema: { tags: ['audit'], querystring: AuditQuerySchema } }, async (request, reply) => {
    const { filename, csv } = await exportAccessLog(contextOf(request), request.query);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .send(csv);
  });
};
