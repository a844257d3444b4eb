/** Long enough that guessing it online, under the rate limit, is hopeless. */
export const passwordMinLength = 12;

/** Bounds the work one log-in asks of the hash; no one types more. */
export const passwordMaxLength = 1024;

/** The longest email address the standards allow. */
export const emailMaxLength = 254;
