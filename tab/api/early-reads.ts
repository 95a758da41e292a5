// The first reads, started before React has drawn anything: the bundle takes a few hundred milliseconds to run
// and draw, and the list can be on its way meanwhile. Each early answer is used once, by the first call for it.
const early = new Map<string, Promise<Response>>();

/** Starts GET /api/tab<path> for each path with `token` (standalone, where the token is known at once). */
export function startEarlyReads(token: string, paths: string[]): void {
  for (const path of paths) {
    early.set(path, fetch(`/api/tab${path}`, { headers: { authorization: `Bearer ${token}` } }));
  }
}

/** The early answer for `path`, once; undefined when none was started (or it was taken). */
export function takeEarlyRead(path: string): Promise<Response> | undefined {
  const response = early.get(path);
  early.delete(path);
  return response;
}
