import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  DIALECT,
  loginWithPassword,
  PASSWORD,
  type TestApp,
} from '../../../test/app.ts';
import { bootstrapAdmin } from '../users/service.ts';

/** Issue 9: the password policy wherever a password is set; never at sign-in. */
describe(`password policy (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const user = (password: string, email = 'policy@example.org') => ({
    email,
    name: 'Aigerim Policy',
    role: 'observer',
    password,
  });
  const countUsers = async () =>
    (await t.handle.db.selectFrom('users').select('id').execute()).length;

  it('refuses a weak password, one with the e-mail or the name in it, with 422 naming why', async () => {
    // 'Aigerim Policy1' scores 4 on its own: only the user's name as a known word makes it weak.
    const before = await countUsers();
    for (const [password, message] of [
      [
        'password1234',
        'Too easy to guess: use more words or characters that do not form a pattern',
      ],
      [
        'qwertyuiop123',
        'Too easy to guess: use more words or characters that do not form a pattern',
      ],
      ['policy@example.org', 'Must not contain your e-mail address'],
      ['Policy@Example.org!2024', 'Must not contain your e-mail address'],
      [
        'Aigerim Policy1',
        'Too easy to guess: use more words or characters that do not form a pattern',
      ],
    ] as const) {
      const res = await t.as('admin', {
        method: 'POST',
        url: '/api/v1/users',
        payload: user(password),
      });
      expect(res.statusCode, password).toBe(422);
      expect(res.json().errors, password).toEqual([{ path: 'password', message }]);
    }
    const short = await t.as('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: user('short'),
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors).toEqual([
      { path: 'password', message: 'Use at least 12 characters' },
    ]);
    const ru = await t.as('admin', {
      method: 'POST',
      url: '/api/v1/users',
      headers: { 'accept-language': 'ru' },
      payload: user('password1234'),
    });
    expect(ru.json().errors[0].message).toBe(
      'Слишком легко угадать: добавьте слова или символы, не образующие шаблона',
    );
    expect(await countUsers()).toBe(before);
    const ok = await t.as('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: user('copper lantern orchard 42'),
    });
    expect(ok.statusCode).toBe(201);
  });

  it('applies to an admin’s password reset and to one’s own change', async () => {
    const reset = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${t.userIds.observer}`,
      payload: { password: 'abcdefgh1234' },
    });
    expect(reset.statusCode).toBe(422);
    expect(reset.json().errors[0].path).toBe('password');
    const s = await loginWithPassword(t.app, 'observer@example.org');
    const own = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { currentPassword: PASSWORD, newPassword: 'observer@example.org' },
    });
    expect(own.statusCode).toBe(422);
    expect(own.json().errors).toEqual([
      { path: 'newPassword', message: 'Must not contain your e-mail address' },
    ]);
    // Nothing changed: the old password still signs in.
    expect((await loginWithPassword(t.app, 'observer@example.org')).response.statusCode).toBe(200);
  });

  it('is not applied at sign-in: an existing weak password still signs in', async () => {
    const { hashPassword } = await import('../../platform/auth.ts');
    await t.handle.db
      .updateTable('users')
      .set({ passwordHash: await hashPassword('password1234') })
      .where('id', '=', t.userIds.delegateArm)
      .execute();
    const res = await loginWithPassword(t.app, 'delegatearm@example.org', 'password1234');
    expect(res.response.statusCode).toBe(200);
  });

  it('applies to the first administrator from PLENUM_ADMIN_PASSWORD', async () => {
    // Only on an empty database; here users exist, so check the refusal comes first.
    await expect(
      bootstrapAdmin(t.handle.db, t.handle.dialect, 'first@example.org', 'password1234'),
    ).resolves.toBeNull();
    await t.handle.db.deleteFrom('apiTokens').execute();
    await t.handle.db.deleteFrom('sessions').execute();
    await t.handle.db.deleteFrom('users').execute();
    await expect(
      bootstrapAdmin(t.handle.db, t.handle.dialect, 'first@example.org', 'password1234'),
    ).rejects.toMatchObject({
      code: 'unprocessable',
      errors: [
        {
          path: 'PLENUM_ADMIN_PASSWORD',
          message: 'Too easy to guess: use more words or characters that do not form a pattern',
        },
      ],
    });
    const created = await bootstrapAdmin(
      t.handle.db,
      t.handle.dialect,
      'first@example.org',
      'copper lantern orchard 42',
    );
    expect(created?.role).toBe('admin');
  });
});
