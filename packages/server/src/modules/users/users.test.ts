import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECT, loginWithPassword, type TestApp } from '../../../test/app.ts';

describe(`users (${DIALECT})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const newUser = {
    email: 'New.Delegate@Example.org',
    name: 'New delegate',
    role: 'delegate',
    memberState: 'KGZ',
    password: 'a long enough password',
  };

  it('only admins manage users', async () => {
    expect((await t.as('anonymous', { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
    expect((await t.as('secretariat', { method: 'GET', url: '/api/v1/users' })).statusCode).toBe(
      403,
    );
    expect(
      (await t.as('secretariat', { method: 'POST', url: '/api/v1/users', payload: newUser }))
        .statusCode,
    ).toBe(403);
  });

  it('creates a user with a lower-cased e-mail and refuses a duplicate', async () => {
    const res = await t.as('admin', { method: 'POST', url: '/api/v1/users', payload: newUser });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      email: 'new.delegate@example.org',
      memberState: 'KGZ',
      active: true,
    });
    expect(res.json()).not.toHaveProperty('password');
    const dup = await t.as('admin', { method: 'POST', url: '/api/v1/users', payload: newUser });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors).toEqual([{ path: 'email', message: 'Already in use' }]);
  });

  it('a delegate must name its member state; others must not', async () => {
    const noState = await t.as('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...newUser, email: 'x@example.org', memberState: null },
    });
    expect(noState.statusCode).toBe(400);
    expect(noState.json().errors[0].path).toBe('memberState');
    const unknownState = await t.as('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...newUser, email: 'y@example.org', memberState: 'ZZZ' },
    });
    expect(unknownState.statusCode).toBe(400);
    const observerWithState = await t.as('admin', {
      method: 'POST',
      url: '/api/v1/users',
      payload: { ...newUser, email: 'z@example.org', role: 'observer' },
    });
    expect(observerWithState.statusCode).toBe(400);
  });

  it('deactivating a user ends its sessions; a stale If-Match is a 412', async () => {
    const session = await loginWithPassword(t.app, 'observer@example.org');
    const current = await t.as('admin', {
      method: 'GET',
      url: `/api/v1/users/${t.userIds.observer}`,
    });
    const version = current.json().version;
    const stale = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${t.userIds.observer}`,
      headers: { 'if-match': `"${version + 5}"` },
      payload: { active: false },
    });
    expect(stale.statusCode).toBe(412);
    const res = await t.as('admin', {
      method: 'PATCH',
      url: `/api/v1/users/${t.userIds.observer}`,
      headers: { 'if-match': `"${version}"` },
      payload: { active: false },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: session.cookie },
    });
    expect(me.statusCode).toBe(401);
    const token = await t.as('observer', { method: 'GET', url: '/api/v1/auth/me' });
    expect(token.statusCode).toBe(401);
  });
});
