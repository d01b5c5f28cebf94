import { AppError, type FieldError } from './errors.ts';

type DbError = { code?: unknown; constraint?: unknown; message?: unknown };

/** True when the database refused a row because a unique constraint already holds the value. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as DbError;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** True when a row is referenced by others (delete) or references a missing row (insert). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as DbError;
  return (
    e?.code === '23503' ||
    e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' ||
    // SQLite reports a delete stopped by ON DELETE RESTRICT as a trigger constraint.
    (e?.code === 'SQLITE_CONSTRAINT_TRIGGER' && String(e.message).includes('FOREIGN KEY'))
  );
}

/**
 * Runs a write and turns constraint violations into problems: the database is the final judge
 * of uniqueness and references, so concurrent writers cannot slip past a pre-check.
 */
export async function guardConstraints<T>(
  write: () => Promise<T>,
  messages: { unique?: string; uniqueErrors?: FieldError[]; foreignKey?: string },
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (messages.unique && isUniqueViolation(error)) {
      throw new AppError('duplicate', messages.unique, {
        ...(messages.uniqueErrors ? { errors: messages.uniqueErrors } : {}),
      });
    }
    if (messages.foreignKey && isForeignKeyViolation(error)) {
      throw new AppError('in_use', messages.foreignKey);
    }
    throw error;
  }
}
