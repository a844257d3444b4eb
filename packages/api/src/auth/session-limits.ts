/** A session nobody used for this long has ended. */
export const sessionIdleSeconds = 8 * 60 * 60;

/** However busy, a session ends this long after the log-in. */
export const sessionMaxSeconds = 7 * 24 * 60 * 60;

/**
 * How stale the last-seen time may get before a request writes it again:
 * one write a minute per session rather than one per request.
 */
export const sessionTouchSeconds = 60;
