import type { Generated } from 'kysely';

/** Two-factor sign-in and security settings (migration 0021). */

/** A user's TOTP secret; `enabledAt` null while the enrolment awaits its first code. */
export interface UserTotpTable {
  userId: string;
  /** Base32; never sent again after enrolment. */
  secret: string;
  enabledAt: string | null;
  /** The newest RFC 6238 time step accepted, so that no code works twice. */
  lastStep: Generated<number>;
  createdAt: string;
}

export interface UserRecoveryCodeTable {
  id: string;
  userId: string;
  /** SHA-256 of the normalized code. */
  codeHash: string;
  usedAt: string | null;
  createdAt: string;
}

/** One row per settings group; `value` is JSON. */
export interface SettingTable {
  key: string;
  value: string;
  version: number;
  updatedAt: string | null;
}

export interface AuthTables {
  userTotp: UserTotpTable;
  userRecoveryCodes: UserRecoveryCodeTable;
  settings: SettingTable;
}
