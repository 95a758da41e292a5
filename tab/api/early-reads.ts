// The first reads, started before React has drawn anything: the bundle takes a few hundred milliseconds to run
// and draw, and the list can be on its way meanwhile. Each early answer is used once, by the first call for it;
// the first page (pipeline/first-page.ts) may read a copy of it before.
// The page's first script (head-start.ts) is a bundle of its own: the answers it started reach the app through
// one global.
// An early read may turn out to have no answer (a page that said it carried one and could not): the call is then
// made as any other.
const shared = globalThis as { referralDeskEarlyReads?: Map<string, Promise<Response | undefined>> };
export const early = (shared.referralDeskEarlyReads ??= new Map<string, Promise<Response | undefined>>());

/**
 * Starts GET /api/tab<path> for each path with `token` (standalone, where the token is known at once), unless it
 * was started already.
 */
export function startEarlyReads(token: string, paths: string[]): void {
  for (const path of paths) {
    if (early.has(path)) continue;
    early.set(path, fetch(`/api/tab${path}`, { headers: { authorization: `Bearer ${token}` } }));
  }
}

/** A copy of the early answer for `path`, leaving the answer itself for the call that takes it. */
export function peekEarlyRead(path: string): Promise<Response | undefined> | undefined {
  return early.get(path)?.then((response) => response?.clone());
}

/** The early answer for `path`, once; undefined when none was started (or it was taken). */
export function takeEarlyRead(path: string): Promise<Response | undefined> | undefined {
  const response = early.get(path);
  early.delete(path);
  return response;
}
