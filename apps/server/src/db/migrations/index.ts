import type { Migration } from 'kysely';
import * as initial from './0001-initial.ts';
import * as objectDeletion from './0002-object-deletion.ts';
import * as adminSessions from './0003-admin-sessions.ts';
import * as checksumsAndPlaceholders from './0004-checksums-and-placeholders.ts';

/**
 * Every migration, in order, listed in code: loading them from a folder at
 * run time breaks under Vitest and bundlers. Add new ones at the end.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-object-deletion': objectDeletion,
  '0003-admin-sessions': adminSessions,
  '0004-checksums-and-placeholders': checksumsAndPlaceholders,
};
