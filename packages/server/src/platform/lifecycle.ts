import { AppError } from './errors.ts';

/**
 * A status change its lifecycle does not allow answers 409, naming the moves that are allowed.
 * `transitions` maps each status to the statuses it may become; staying put is always allowed.
 */
export function requireTransition<S extends string>(
  what: string,
  transitions: Record<S, readonly S[]>,
  from: S,
  to: S,
): void {
  const allowed = transitions[from];
  if (from === to || allowed.includes(to)) {
    return;
  }
  throw new AppError(
    'invalid_transition',
    allowed.length === 0
      ? `A ${from} ${what} cannot change its status.`
      : `A ${from} ${what} can only become ${allowed.join(' or ')}, not ${to}.`,
  );
}
