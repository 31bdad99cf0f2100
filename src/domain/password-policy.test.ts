import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('the password policy (issue 11)', () => {
  it('asks for 12 characters, counting letters like æ, ø and å once', () => {
    expect(passwordProblem('kort-kode-1', 'sara')).toBe('TOO_SHORT');
    expect(passwordProblem('ærø-ålø-øæå', 'sara')).toBe('TOO_SHORT');
    expect(passwordProblem('ærø-ålø-øæåx', 'sara')).toBeNull();
  });

  it('refuses the username inside the password, in any case', () => {
    expect(passwordProblem('Sara.Jensen-2026', 'sara.jensen')).toBe('CONTAINS_USERNAME');
    expect(passwordProblem('grøn-hest-ved-åen', 'sara.jensen')).toBeNull();
  });

  it('refuses the passwords tried first', () => {
    expect(passwordProblem('Password1234', 'sara')).toBe('TOO_COMMON');
    expect(passwordProblem('Velkommen123', 'sara')).toBe('TOO_COMMON');
  });
});
