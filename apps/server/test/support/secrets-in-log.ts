import { testAdmin } from './session-client.ts';

/**
 * What must never reach a log line: the storage secret, any part of a
 * signed URL that makes it usable, a session cookie, a password. Returns
 * what was found, described without repeating the secret.
 */
export function secretsInLog(log: string, storageSecret: string): string[] {
  const found: string[] = [];
  if (storageSecret && log.includes(storageSecret)) {
    found.push('the storage secret');
  }
  if (/X-Amz-Signature=|X-Amz-Credential=/i.test(log)) {
    found.push('a signed URL');
  }
  if (/vitrine_session=/.test(log)) found.push('a session cookie');
  if (log.includes(testAdmin.password)) found.push("the test admin's password");

  return found;
}
