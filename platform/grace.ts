/**
 * Waits for `work`, but no later than `deadline` (a `performance.now()` time): a stop must end within its grace
 * period, and whatever is still running then is left to what the store records (marks, leases, queues).
 */
export async function untilDeadline(work: Promise<unknown>, deadline: number): Promise<'done' | 'cut'> {
  const leftMs = deadline - performance.now();
  if (leftMs <= 0) return 'cut';
  let timer: NodeJS.Timeout | undefined;
  const cut = new Promise<'cut'>((resolve) => (timer = setTimeout(() => resolve('cut'), leftMs)));
  try {
    return await Promise.race([work.then(() => 'done' as const), cut]);
  } finally {
    clearTimeout(timer);
  }
}
