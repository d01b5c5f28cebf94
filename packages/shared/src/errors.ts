/**
 * Stable error codes shared by server and web. The server renders them as RFC 9457
 * problems (`code` field); the web translates them. Code → HTTP status lives here only.
 */
export const ERROR_STATUS = {
  /** A request body, query, path or header failed validation; `errors[]` says where. */
  validation_failed: 400,
  /** A request that cannot be parsed at all (malformed JSON, bad content). */
  bad_request: 400,
  /** No valid session or token. */
  unauthenticated: 401,
  /** The password was right; the account signs in with a second factor too (send totpCode). */
  totp_required: 401,
  /** Readable, but the caller may not do this. */
  forbidden: 403,
  /** Cookie-authenticated write without the right X-CSRF-Token. */
  csrf_failed: 403,
  /** Two-factor sign-in is required: this session may only enrol until it is turned on. */
  totp_enrollment_required: 403,
  /** Does not exist, or the caller may not read it. */
  not_found: 404,
  method_not_allowed: 405,
  /** Unique value taken (e.g. meeting number within a body). */
  duplicate: 409,
  /** The state of the resource does not allow this change. */
  invalid_transition: 409,
  /** Other records depend on this one. */
  in_use: 409,
  /** A generic conflict with the current state. */
  conflict: 409,
  /** The same Idempotency-Key was used for a different request, or is still running. */
  idempotency_conflict: 409,
  /** If-Match named a version that is no longer current. */
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A Range header asks for bytes beyond the end of the file. */
  range_not_satisfiable: 416,
  /** Well-formed, but breaks a domain rule. */
  unprocessable: 422,
  /** Too many attempts; try again later (Retry-After). */
  rate_limited: 429,
  /** Login locked after repeated failures. */
  locked: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<ErrorCode, string> = {
  validation_failed: 'Invalid input',
  bad_request: 'Bad request',
  unauthenticated: 'Authentication required',
  totp_required: 'Second factor required',
  forbidden: 'Not allowed',
  csrf_failed: 'Missing or wrong CSRF token',
  totp_enrollment_required: 'Two-factor sign-in must be set up first',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed',
  duplicate: 'Already exists',
  invalid_transition: 'Change not allowed in this state',
  in_use: 'Still in use',
  conflict: 'Conflict',
  idempotency_conflict: 'Idempotency key conflict',
  precondition_failed: 'Changed by someone else',
  payload_too_large: 'Too large',
  unsupported_media_type: 'Unsupported media type',
  range_not_satisfiable: 'Range not satisfiable',
  unprocessable: 'Rule not satisfied',
  rate_limited: 'Too many requests',
  locked: 'Temporarily locked',
  internal: 'Internal error',
  unavailable: 'Unavailable',
};
