/**
 * Mentor grants: types, states and end reasons (domain spec §1.3, §2.3; issue 2 point 4).
 */
import type { CalendarDate } from './calendar-date.ts';

export const grantTypes = [
  'GENERAL',
  'RET_OG_PLIGT',
  'PSYCH_DISCHARGE',
  'PRISON_RELEASE',
  'COMPANY',
  'EDUCATION_INST',
  'YOUTH_EDUCATION',
] as const;
export type GrantType = (typeof grantTypes)[number];

export const grantTypeLabels: Record<GrantType, string> = {
  GENERAL: 'Mentorstøtte (generel)',
  RET_OG_PLIGT: 'Ret og pligt-mentor',
  PSYCH_DISCHARGE: 'Mentor ved udskrivning fra psykiatrien',
  PRISON_RELEASE: 'Mentor ved løsladelse',
  COMPANY: 'Virksomhedsmentor',
  EDUCATION_INST: 'Mentor på uddannelsesinstitution',
  YOUTH_EDUCATION: 'Mentor ved start på uddannelse (under 30 år)',
};

export const grantStatuses = ['draft', 'approved', 'ended'] as const;
export type GrantStatus = (typeof grantStatuses)[number];

export const endReasons = [
  'PLANNED_END',
  'READY_FOR_OFFER',
  'LEFT_TARGET_GROUP',
  'JOB',
  'EDUCATION',
  'MOVED',
  'CITIZEN_DECLINED',
  'OTHER',
] as const;
export type EndReason = (typeof endReasons)[number];

export const endReasonLabels: Record<EndReason, string> = {
  PLANNED_END: 'Planlagt ophør',
  READY_FOR_OFFER: 'Klar til ret og pligt-tilbud',
  LEFT_TARGET_GROUP: 'Ude af målgruppen',
  JOB: 'Job',
  EDUCATION: 'Uddannelse',
  MOVED: 'Fraflyttet',
  CITIZEN_DECLINED: 'Borgeren har frabedt sig støtten',
  OTHER: 'Andet',
};

export type MentorFacts = {
  name: string;
  phone: string | null;
  email: string | null;
  qualifications: string[];
  trainingModulesCompleted: number;
  hasAuthorityRole: boolean;
};

export type PreviousGrantFacts = {
  id: number;
  type: GrantType;
  startDate: CalendarDate;
  /** Actual end when ended, else planned end. */
  endDate: CalendarDate;
  status: GrantStatus;
};

/** The terms a grant agrees with the citizen: what the proposal states and the written agreement prints. */
export type GrantTerms = Pick<
  GrantProposal,
  'type' | 'agreedOn' | 'startDate' | 'endDate' | 'weeklyHours' | 'goal' | 'tasks' | 'complaintGuidance'
>;

/** What a caseworker proposes; the rules judge it against the citizen, the regime and the settings. */
export type GrantProposal = {
  type: GrantType;
  agreedOn: CalendarDate;
  startDate: CalendarDate;
  endDate: CalendarDate;
  weeklyHours: number;
  goal: string;
  tasks: string[];
  mentor: MentorFacts | null;
  complaintGuidance: boolean;
  needAssessment: string | null;
  assessmentDate: CalendarDate | null;
  citizenConsent: boolean | null;
  dischargeDate: CalendarDate | null;
  admissionDate: CalendarDate | null;
  justification: string | null;
  previousGrant: PreviousGrantFacts | null;
};
