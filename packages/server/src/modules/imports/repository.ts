import type { Tx } from '../../platform/context.ts';

/** Every member state: few enough to hold at once, and each row of any kind may name one. */
export const listAllMemberStates = (db: Tx) => db.selectFrom('memberStates').selectAll().execute();

/**
 * The persons or organizations of the given member states (`withoutState`: also those of no
 * state), the only ones rows naming these states can match.
 */
export function listPersonsOfStates(db: Tx, states: string[], withoutState: boolean) {
  if (states.length === 0 && !withoutState) {
    return Promise.resolve([]);
  }
  return db
    .selectFrom('persons')
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(states.length > 0 ? [eb('memberState', 'in', states)] : []),
        ...(withoutState ? [eb('memberState', 'is', null)] : []),
      ]),
    )
    .execute();
}

export function listOrganizationsOfStates(db: Tx, states: string[]) {
  if (states.length === 0) {
    return Promise.resolve([]);
  }
  return db.selectFrom('organizations').selectAll().where('memberState', 'in', states).execute();
}
