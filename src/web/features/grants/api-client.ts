import type { Static } from 'typebox';
import type { GrantBodySchema } from '../../../api/grants/grants.schemas.ts';
import type { GrantType } from '../../../domain/mentor-grant.ts';
import type { ApiAnswer } from '../../app/api-answer.ts';
import { api, type Finding } from '../../app/http.ts';

/** A grant as the caseworker proposes it: the body of `POST /api/grants` (api/grants/grants.schemas.ts). */
/** `type` named here: the schema's union is built from `grantTypes` at run time, so TypeBox cannot infer it. */
export type GrantBody = Omit<Static<typeof GrantBodySchema>, 'type'> & { type: GrantType };

export type Grant = GrantBody & {
  id: number;
  citizenName: string;
  citizenCprMasked: string;
  status: 'draft' | 'approved' | 'ended';
  regime: string;
  refundClass: string;
  actualEndDate: string | null;
  endReason: string | null;
  mentorName: string | null;
  approvedAt: string | null;
  findings: Finding[];
};

export type Check = {
  findings: Finding[];
  regime: string;
  regimeName: string;
  offeredTypes: string[];
  draftRegime: { id: string; name: string; validFrom: string } | null;
  refundClass: string;
  suggestedEndDate: string;
};
export type AgreementDocument = {
  title: string;
  municipalityName: string;
  citizen: { name: string; cprMasked: string };
  sections: { heading: string; paragraphs: string[] }[];
  /** Date and signature lines (absent in agreements stored before issue 14). */
  signatures?: { party: 'citizen' | 'caseworker'; label: string; name: string }[];
  version: number | null;
};

export type MentorProposals = ApiAnswer<'GET /api/grants/:id/mentor-proposals'>;

export const grantsApi = {
  mentorProposals: (id: number) => api<MentorProposals>('GET', `/api/grants/${id}/mentor-proposals`),
  assignMentor: (id: number, body: { mentorId: number; reason: string }) => api<unknown>('POST', `/api/grants/${id}/mentor`, body),
  check: (body: GrantBody) => api<Check>('POST', '/api/grants/check', body),
  create: (body: GrantBody) => api<Grant>('POST', '/api/grants', body),
  update: (id: number, body: Partial<GrantBody>) => api<Grant>('PATCH', `/api/grants/${id}`, body),
  get: (id: number) => api<Grant>('GET', `/api/grants/${id}`),
  approve: (id: number) => api<Grant>('POST', `/api/grants/${id}/approve`),
  discard: (id: number) => api<void>('DELETE', `/api/grants/${id}`),
  end: (id: number, body: { endDate: string; reason: string; followUpOfferStart?: string | null }) =>
    api<Grant>('POST', `/api/grants/${id}/end`, body),
  agreement: (id: number) => api<AgreementDocument>('GET', `/api/grants/${id}/agreement`),
};

export const grantTypes = ['GENERAL', 'RET_OG_PLIGT', 'PSYCH_DISCHARGE', 'PRISON_RELEASE', 'COMPANY', 'EDUCATION_INST', 'YOUTH_EDUCATION'];
export const endReasons = ['PLANNED_END', 'READY_FOR_OFFER', 'LEFT_TARGET_GROUP', 'JOB', 'EDUCATION', 'MOVED', 'CITIZEN_DECLINED', 'OTHER'];

export type Contact = {
  id: number;
  at: string;
  minutes: number;
  form: string;
  attended: boolean;
  justification: string | null;
  note: string | null;
  confirmedAt: string | null;
  confirmationMethod: string | null;
};
export type Compliance = {
  findings: (import('../../app/http.ts').Finding & { weeks?: string[] })[];
  hours: { week: string; granted: number; logged: number; confirmed: number }[];
};

export const deliveryApi = {
  contacts: (grantId: number) => api<{ contacts: Contact[] }>('GET', `/api/grants/${grantId}/contacts`),
  recordContact: (grantId: number, body: Record<string, unknown>) => api<Contact>('POST', `/api/grants/${grantId}/contacts`, body),
  compliance: (grantId: number) => api<Compliance>('GET', `/api/grants/${grantId}/compliance`),
};
