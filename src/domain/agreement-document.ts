/**
 * The written agreement on mentor support (skriftlig aftale om mentorstøtte), domain spec §2.1: goal,
 * mentor name and contact data, tasks, duration, hours and complaint guidance (seed S2 §1.3; E33).
 * One structure feeds both the printable page and the PDF. It is sent to the citizen, so it carries no
 * internal marker (citizen-text.ts): legal texts stored with [U] are printed without it. Issue 14: it
 * names the caseworker with the authority's contact (municipal settings contactPhone/contactEmail) and
 * ends with date and signature lines for the citizen and the caseworker.
 */
import { toCitizenText } from './citizen-text.ts';
import type { LegalRegime } from './legal-regime.ts';
import { grantTypeLabels, type GrantTerms } from './mentor-grant.ts';
import { formatDate, formatHours } from './danish-format.ts';

export type AgreementSection = { heading: string; paragraphs: string[] };

/** A party who signs and dates the agreement (issue 14): the citizen and the caseworker. */
export type AgreementSignature = { party: 'citizen' | 'caseworker'; label: string; name: string };

export type AgreementDocument = {
  title: string;
  municipalityName: string;
  grantId: number;
  regimeId: string;
  citizen: { name: string; cprMasked: string };
  sections: AgreementSection[];
  /** Signature and date lines; absent in versions stored before issue 14. */
  signatures?: AgreementSignature[];
  approvedAt: string | null;
};

export function buildAgreementDocument(input: {
  grant: GrantTerms & { id: number; regimeId: string; approvedAt: string | null };
  citizen: { name: string; cprMasked: string };
  mentor: { name: string; phone: string | null; email: string | null; providerName: string };
  /** The caseworker who made the grant (null when unknown, e.g. imported from the case system). */
  caseworker?: { name: string } | null;
  /** The authority's contact for citizens (municipal settings contactPhone/contactEmail). */
  municipality: { name: string; organisationLabel: 'jobcenter' | 'kommune'; contactPhone?: string | null; contactEmail?: string | null };
  regime: LegalRegime;
}): AgreementDocument {
  const { grant, mentor, municipality, regime } = input;
  const caseworker = input.caseworker ?? null;
  const authority = municipality.organisationLabel === 'jobcenter' ? `Jobcenter ${municipality.name}` : municipality.name;
  const deadlineWeeks = regime.parameters.complaintDeadlineWeeks;
  const contact = [mentor.phone ? `Telefon: ${mentor.phone}` : null, mentor.email ? `E-mail: ${mentor.email}` : null].filter(
    (line): line is string => line !== null,
  );
  const authorityContact = [
    municipality.contactPhone ? `Telefon: ${municipality.contactPhone}` : null,
    municipality.contactEmail ? `E-mail: ${municipality.contactEmail}` : null,
  ].filter((line): line is string => line !== null);
  return {
    title: 'Aftale om mentorstøtte',
    municipalityName: authority,
    grantId: grant.id,
    regimeId: grant.regimeId,
    citizen: input.citizen,
    approvedAt: grant.approvedAt,
    sections: [
      {
        heading: 'Aftalens parter',
        paragraphs: [
          `Aftalen er indgået ${formatDate(grant.agreedOn)} mellem ${input.citizen.name} (CPR ${input.citizen.cprMasked}) og ${authority}.`,
          `Støtten gives som ${grantTypeLabels[grant.type].toLowerCase()} efter ${toCitizenText(regime.parameters.legalBasis[grant.type])}.`,
        ],
      },
      { heading: 'Målet med mentorstøtten', paragraphs: [grant.goal || '(ikke udfyldt)'] },
      {
        heading: 'Mentor',
        paragraphs: [`${mentor.name || '(ikke valgt)'}${mentor.providerName ? `, ${mentor.providerName}` : ''}`, ...contact],
      },
      { heading: 'Mentors opgaver', paragraphs: grant.tasks.length > 0 ? grant.tasks.map((t) => `• ${t}`) : ['(ingen opgaver angivet)'] },
      {
        heading: 'Varighed',
        paragraphs: [`Fra ${formatDate(grant.startDate)} til og med ${formatDate(grant.endDate)}.`],
      },
      { heading: 'Timeantal', paragraphs: [`${formatHours(grant.weeklyHours)} timer om ugen.`] },
      {
        heading: 'Din sagsbehandler',
        paragraphs: [caseworker ? `${caseworker.name}, ${authority}` : authority, ...authorityContact],
      },
      {
        heading: 'Klagevejledning',
        paragraphs: [
          `Du kan klage over afgørelsen. Klagen skal være modtaget hos ${authority} senest ${deadlineWeeks} uger efter, at du har modtaget afgørelsen.`,
          `${authority} genvurderer sagen inden for ${deadlineWeeks} uger. Giver vi dig ikke fuldt ud medhold, sender vi klagen videre til Ankestyrelsen.`,
        ],
      },
    ],
    signatures: [
      { party: 'citizen', label: 'Borger', name: input.citizen.name },
      { party: 'caseworker', label: 'Sagsbehandler', name: caseworker?.name ?? '' },
    ],
  };
}
