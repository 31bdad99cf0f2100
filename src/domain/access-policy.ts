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
  | 'measurement:write';

const permissionsByRole: Record<Role, readonly Permission[]> = {
  caseworker: ['citizen:read', 'citizen:write', 'grant:read', 'grant:write', 'grant:approve', 'contact:write', 'offer:write', 'register:read', 'regime:read', 'invoice:read', 'invoice:approve', 'measurement:write'],
  mentor: ['citizen:read', 'grant:read', 'contact:write', 'register:read', 'measurement:write'],
  coordinator: ['citizen:read', 'grant:read', 'register:read', 'register:write', 'regime:read', 'economy:read', 'economy:write', 'invoice:read', 'invoice:write', 'instrument:write'],
  // Managers work with aggregates; they get no citizen-level access (least privilege).
  manager: ['register:read', 'regime:read', 'economy:read', 'economy:write', 'invoice:read', 'invoice:write', 'invoice:approve'],
  admin: ['citizen:read', 'register:read', 'register:write', 'regime:read', 'regime:write', 'settings:write', 'audit:read', 'economy:read', 'instrument:write'],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}

/** Mentors are limited to the citizens of their own grants. */
export function isLimitedToOwnCitizens(role: Role): boolean {
  return role === 'mentor';
}
