import type { Role } from '@plenum/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DialectName } from '../db/dialect.ts';

/** Who is calling. Anonymous callers have no id and the role `anonymous`. */
export interface Actor {
  id: string | null;
  role: Role | 'anonymous';
  name: string;
  memberState: string | null;
  bodyIds: readonly string[];
}

export const ANONYMOUS: Actor = Object.freeze({
  id: null,
  role: 'anonymous',
  name: 'anonymous',
  memberState: null,
  bodyIds: [],
});

export type Tx = Transaction<Database> | Kysely<Database>;

/** What a service needs to act: the database, its dialect and the actor. */
export interface Ctx {
  db: Kysely<Database>;
  dialect: DialectName;
  actor: Actor;
  /** Forget cached sessions and tokens after a change to users, tokens or sessions. */
  invalidateAuth?: () => void;
}

/** The current time as an ISO string; one place so the clock can be read consistently. */
export const nowIso = () => new Date().toISOString();
export const todayIso = () => new Date().toISOString().slice(0, 10);
