import { grantsRepository, type GrantRecord } from '../db/repositories/grants-repository.ts';
import { mentorsRepository } from '../db/repositories/mentors-repository.ts';
import { buildAgreementDocument, type AgreementDocument } from '../domain/agreement-document.ts';
import type { LegalRegime } from '../domain/legal-regime.ts';
import type { MunicipalSettings } from '../domain/municipal-settings.ts';
import { grantTermsOf } from './assess-grant-proposal.ts';
import type { UseCaseContext } from './use-case-context.ts';

/** The Danish written agreement (domain spec §2.1) for a grant as it stands, with its caseworker and the authority's contact. */
export async function buildGrantAgreement(
  ctx: UseCaseContext,
  input: { grant: GrantRecord; regime: LegalRegime; settings: MunicipalSettings },
): Promise<AgreementDocument> {
  const { grant } = input;
  const mentor = grant.mentorId === null ? null : await mentorsRepository(ctx.db).findById(ctx.actor.municipalityId, grant.mentorId);
  const caseworkerName = await grantsRepository(ctx.db).findCaseworkerName(ctx.actor.municipalityId, grant.id);
  return buildAgreementDocument({
    grant: { ...grantTermsOf(grant), id: grant.id, regimeId: grant.regime, approvedAt: grant.approvedAt },
    citizen: { name: grant.citizenName, cprMasked: grant.citizenCprMasked },
    mentor: mentor
      ? { name: mentor.name, phone: mentor.phone, email: mentor.email, providerName: mentor.providerName }
      : { name: '', phone: null, email: null, providerName: '' },
    caseworker: caseworkerName === null ? null : { name: caseworkerName },
    municipality: {
      name: ctx.actor.municipalityName,
      organisationLabel: input.settings.organisationLabel,
      contactPhone: input.settings.contactPhone ?? null,
      contactEmail: input.settings.contactEmail ?? null,
    },
    regime: input.regime,
  });
}
