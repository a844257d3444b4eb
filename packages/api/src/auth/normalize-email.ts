/** Emails are compared trimmed and lower-cased: "Ann@Shop" is "ann@shop". */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
