/**
 * Least privilege (domain spec §7, R-PRV-*): what each role may do. Mentors additionally see only the
 * citizens of their own grants; that row-level scope is applied by the use cases.
 */
export const roles = ['caseworker', 'mentor', 'coordinator', 'manager', 'admin'] as const;
export type Role = (typeof roles)[number];

export type Permission =
  | 'citizen:read'
  | 'citizen:write'
  | 'grant:read'
  | 'grant:write'
  | 'grant:approve'
  | 'register:read'
  | 'register:write'
  | 'regime:read'
  | 'regime:write'
  | 'settings:write'
  | 'audit:read'
  | 'economy:read'
  | 'economy:write'
  | 'invoice:read'
  | 'invoice:write'
  | 'invoice:approve'
  | 'contact:write'
  | 'offer:write'
  // Follow-up (issue 5 points 5–6): instruments and survey questions; measurements and survey answers.
  | 'instrument:write'
  | 'measurement:write'
  // Outcomes and reports (issues 5–6): aggregate reports, register and case-system imports, analyses.
  | 'report:read'
  | 'outcomes:import'
  | 'mapping:write'
  | 'history:import'
  | 'analysis:run'
  // Delivery (issue 3): choosing the mentor of a grant from the proposals.
  | 'mentor:assign'
  // Go-live (issue 11): the municipality's own users.
  | 'user:manage';

const permissionsByRole: Record<Role, readonly Permission[]> = {
  caseworker: [
    'citizen:read',
    'citizen:write',
    'grant:read',
    'grant:write',
    'grant:approve',
    'contact:write',
    'offer:write',
    'register:read',
    'regime:read',
    'invoice:read',
    'invoice:approve',
    'measurement:write',
    'report:read',
    'analysis:run',
    'mentor:assign',
  ],
  mentor: ['citizen:read', 'grant:read', 'contact:write', 'register:read', 'measurement:write'],
  coordinator: [
    'citizen:read',
    'grant:read',
    'register:read',
    'register:write',
    'regime:read',
    'economy:read',
    'economy:write',
    'invoice:read',
    'invoice:write',
    'instrument:write',
    'report:read',
    'outcomes:import',
    'history:import',
    'analysis:run',
    'mentor:assign',
  ],
  // Managers work with aggregates; they get no citizen-level access (least privilege).
  manager: [
    'register:read',
    'regime:read',
    'economy:read',
    'economy:write',
    'invoice:read',
    'invoice:write',
    'invoice:approve',
    'report:read',
    'outcomes:import',
    'analysis:run',
  ],
  admin: [
    'citizen:read',
    'register:read',
    'register:write',
    'regime:read',
    'regime:write',
    'settings:write',
    'audit:read',
    'economy:read',
    'instrument:write',
    'report:read',
    'outcomes:import',
    'mapping:write',
    'history:import',
    'analysis:run',
    'user:manage',
  ],
};

/** Every permission, in declaration order of the roles' lists (for the matrix test and documentation). */
export function permissionsOf(role: Role): readonly Permission[] {
  return permissionsByRole[role];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}

/** Mentors are limited to the citizens of their own grants. */
export function isLimitedToOwnCitizens(role: Role): boolean {
  return role === 'mentor';
}
