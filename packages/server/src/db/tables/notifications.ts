/** Tables of notifications, mail preferences and the mail outbox (migration 0007). */

export interface NotificationTable {
  id: string;
  userId: string;
  kind: string;
  dedupeKey: string;
  entityType: string;
  entityId: string;
  /** JSON Record<string, string>: the values of the kind's message template. */
  params: string;
  link: string;
  /** The recipient's mail preference when the notification was created. */
  mail: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPreferenceTable {
  userId: string;
  mail: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface MailOutboxTable {
  id: string;
  dedupeKey: string;
  messageId: string;
  userId: string | null;
  toAddress: string;
  language: string;
  kind: string;
  /** JSON array of notification ids. */
  notificationIds: string;
  subject: string | null;
  textBody: string | null;
  htmlBody: string | null;
  status: string;
  attempts: number;
  nextAttemptAt: string;
  claimedAt: string | null;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface NotificationTables {
  notifications: NotificationTable;
  notificationPreferences: NotificationPreferenceTable;
  mailOutbox: MailOutboxTable;
}
