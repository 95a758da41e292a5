/** Whole-number ticks from 0 to at least `max`, about five of them: a count axis never shows 2.5 referrals. */
export function integerTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const step = Math.max(1, Math.ceil(top / 5));
  const ticks: number[] = [];
  for (let at = 0; at < top + step; at += step) ticks.push(at);
  return ticks;
}
