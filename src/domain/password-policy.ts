/**
 * The password policy for local accounts (issue 11): at least 12 characters, not the username (nor
 * containing it), not one of the passwords attackers try first. Single sign-on users have no password.
 */
export const minPasswordLength = 12;

// The most common passwords of breach lists that are 12 characters or longer, and Danish favourites.
const commonPasswords = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  'qwertyuiopas',
  'qwertyuiop12',
  'qwerty123456',
  'password1234',
  'password12345',
  'passwordpassword',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123abc123',
  'iloveyou1234',
  'welcome12345',
  'letmein12345',
  'sommer2026!!',
  'sommer123456',
  'vinter123456',
  'efterår12345',
  'forår1234567',
  'kodeord12345',
  'adgangskode1',
  'adgangskode12',
  'adgangskode123',
  'hemmelighed1',
  'mentorspor12',
  'mentorspor123',
  'mentorspor2026',
  'kommunen1234',
  'jobcenter123',
  'jobcenter1234',
  'velkommen123',
  'velkommen1234',
  'danmark12345',
  'københavn123',
]);

export type PasswordProblem = 'TOO_SHORT' | 'CONTAINS_USERNAME' | 'TOO_COMMON';

export const passwordProblemText: Record<PasswordProblem, string> = {
  TOO_SHORT: `Adgangskoden skal være mindst ${minPasswordLength} tegn.`,
  CONTAINS_USERNAME: 'Adgangskoden må ikke indeholde brugernavnet.',
  TOO_COMMON: 'Adgangskoden er for almindelig. Vælg en, der er sværere at gætte.',
};

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < minPasswordLength) return 'TOO_SHORT';
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'CONTAINS_USERNAME';
  if (commonPasswords.has(password.toLowerCase())) return 'TOO_COMMON';
  return null;
}
