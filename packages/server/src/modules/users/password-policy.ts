import { AppError } from '../../platform/errors.ts';

/** zxcvbn scores 0–4; 3 is "safely unguessable: moderate protection from offline attacks". */
const MIN_SCORE = 3;

type Checker = { check(password: string, userInputs?: (string | number)[]): { score: number } };
let checker: Promise<Checker> | null = null;

/** zxcvbn and its dictionaries (a few MB) load on the first password set, not at start. */
function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]).then(
    ([core, common]) =>
      new core.ZxcvbnFactory({
        dictionary: { ...common.dictionary },
        graphs: common.adjacencyGraphs,
      }),
  );
  return checker;
}

/**
 * The password policy, applied wherever a password is set (never at sign-in): at least 12
 * characters (the schema's ZPassword), not containing the e-mail address, and a zxcvbn score of
 * at least 3 with the user's e-mail and name as words an attacker would try first.
 * Refusals are 422 problems naming the field.
 */
export async function checkPasswordPolicy(
  password: string,
  user: { email: string; name: string },
  field = 'password',
): Promise<void> {
  const refuse = (message: string) =>
    new AppError('unprocessable', 'The password does not meet the password policy.', {
      errors: [{ path: field, message }],
    });
  if (password.length < 12) {
    throw refuse('v.password');
  }
  const email = user.email.trim().toLowerCase();
  if (email && password.toLowerCase().includes(email)) {
    throw refuse('Must not contain your e-mail address');
  }
  const local = email.split('@')[0] ?? '';
  const inputs = [email, local, user.name, ...user.name.split(/\s+/)].filter((w) => w.length > 1);
  const { score } = (await loadChecker()).check(password, inputs);
  if (score < MIN_SCORE) {
    throw refuse('Too easy to guess: use more words or characters that do not form a pattern');
  }
}
