import { describe, expect, it } from 'vitest';
import { hasPermission, permissionsOf, roles, type Permission, type Role } from './access-policy.ts';

/**
 * The least-privilege matrix (domain spec §7) in one table that anyone can read: a change to a role's
 * permissions must change this test too. ✓ = allowed.
 */
const expected: Record<Permission, Role[]> = {
  'citizen:read': ['caseworker', 'mentor', 'coordinator', 'admin'],
  'citizen:write': ['caseworker'],
  'grant:read': ['caseworker', 'mentor', 'coordinator'],
  'grant:write': ['caseworker'],
  'grant:approve': ['caseworker'],
  'register:read': ['caseworker', 'mentor', 'coordinator', 'manager', 'admin'],
  'register:write': ['coordinator', 'admin'],
  'regime:read': ['caseworker', 'coordinator', 'manager', 'admin'],
  'regime:write': ['admin'],
  'settings:write': ['admin'],
  'audit:read': ['admin'],
  'economy:read': ['coordinator', 'manager', 'admin'],
  'economy:write': ['coordinator', 'manager'],
  'invoice:read': ['caseworker', 'coordinator', 'manager'],
  'invoice:write': ['coordinator', 'manager'],
  'invoice:approve': ['caseworker', 'manager'],
  'contact:write': ['caseworker', 'mentor'],
  'offer:write': ['caseworker'],
  'instrument:write': ['coordinator', 'admin'],
  'measurement:write': ['caseworker', 'mentor'],
  'report:read': ['caseworker', 'coordinator', 'manager', 'admin'],
  'outcomes:import': ['coordinator', 'manager', 'admin'],
  'mapping:write': ['admin'],
  'history:import': ['coordinator', 'admin'],
  'analysis:run': ['caseworker', 'coordinator', 'manager', 'admin'],
  'mentor:assign': ['caseworker', 'coordinator'],
  'user:manage': ['admin'],
};

function matrix(): string {
  const permissions = Object.keys(expected) as Permission[];
  const width = Math.max(...permissions.map((p) => p.length));
  const header = `${''.padEnd(width)}  ${roles.map((r) => r.slice(0, 5).padEnd(5)).join(' ')}`;
  const lines = permissions.map((p) => `${p.padEnd(width)}  ${roles.map((r) => (hasPermission(r, p) ? '✓' : '·').padEnd(5)).join(' ')}`);
  return [header, ...lines].join('\n');
}

describe('access policy (least privilege)', () => {
  it('gives each role exactly the permissions of the matrix', () => {
    console.log(`Permission matrix (domain/access-policy.ts):\n${matrix()}`);
    for (const role of roles) {
      const granted = Object.entries(expected)
        .filter(([, allowed]) => allowed.includes(role))
        .map(([p]) => p);
      expect([...permissionsOf(role)].sort(), role).toEqual(granted.sort());
    }
  });

  it('keeps managers away from citizen-level data and admins away from casework', () => {
    for (const p of ['citizen:read', 'citizen:write', 'grant:read', 'contact:write'] as const)
      expect(hasPermission('manager', p)).toBe(false);
    for (const p of ['citizen:write', 'grant:write', 'grant:approve', 'contact:write'] as const)
      expect(hasPermission('admin', p)).toBe(false);
  });
});
