/** At most `sends` sends in any `perMs` stretch of time (a sliding window, as Teams counts them). */
export interface SendWindow {
  sends: number;
  perMs: number;
}

/**
 * How long to wait before the next send, given when earlier sends were answered (oldest first). A send is
 * counted from when its answer came back, not from when it left: it reached Teams at some moment in between,
 * so counting from the answer never lets two sends look further apart to us than they were to Teams.
 */
export function slidingWindowDelayMs(
  answeredAt: readonly number[],
  windows: readonly SendWindow[],
  now: number,
) {
  let delayMs = 0;
  for (const { sends, perMs } of windows) {
    // The send that would be one too many in the window: the window must have moved past it.
    const blocking = answeredAt[answeredAt.length - sends];
    if (blocking !== undefined) delayMs = Math.max(delayMs, blocking + perMs - now);
  }
  return delayMs;
}
