import type { Role } from '@plenum/shared';
import type { Actor } from './context.ts';
import { AppError } from './errors.ts';

/**
 * The access model of DESIGN §3, in one place. Services call these first; repositories use the
 * `visible…` helpers in their WHERE clauses so listings never fetch what they must hide.
 */

export const isSignedIn = (actor: Actor) => actor.role !== 'anonymous';
export const isStaff = (actor: Actor) => actor.role === 'secretariat' || actor.role === 'admin';

/** 401 for anonymous callers. */
export function requireSignedIn(actor: Actor): void {
  if (!isSignedIn(actor)) {
    throw new AppError('unauthenticated', 'Sign in or send an API token.');
  }
}

/** 401 for anonymous callers, 403 for a role not listed. */
export function requireRole(actor: Actor, ...roles: Role[]): void {
  requireSignedIn(actor);
  if (!roles.includes(actor.role as Role)) {
    throw new AppError('forbidden', 'Your role does not allow this action.');
  }
}

/** Secretariat and admin write all content (DESIGN §3). */
export function requireContentWriter(actor: Actor): void {
  requireRole(actor, 'secretariat', 'admin');
}

/** A delegate writes only for its own state; staff write for any. */
export function requireActsForState(actor: Actor, memberState: string): void {
  requireSignedIn(actor);
  if (isStaff(actor)) {
    return;
  }
  if (actor.role === 'delegate' && actor.memberState === memberState) {
    return;
  }
  throw new AppError('forbidden', `You may act only for your own member state.`);
}

/** Reading the internal record (everything beyond the public portal) needs a sign-in. */
export function canReadInternal(actor: Actor): boolean {
  return isSignedIn(actor);
}

export type Classification = 'public' | 'internal' | 'restricted';
export type AccessList = { memberStates?: string[]; bodyIds?: string[] };

/** Whether the actor may read an item of this classification and access list (DESIGN §3). */
export function canReadClassified(
  actor: Actor,
  classification: Classification,
  accessList: AccessList | null,
): boolean {
  if (classification === 'public') {
    return true;
  }
  if (!isSignedIn(actor)) {
    return false;
  }
  if (classification === 'internal' || isStaff(actor)) {
    return true;
  }
  const list = accessList ?? {};
  if (actor.bodyIds.some((b) => list.bodyIds?.includes(b))) {
    return true;
  }
  return (
    actor.role === 'delegate' &&
    actor.memberState !== null &&
    (list.memberStates?.includes(actor.memberState) ?? false)
  );
}
