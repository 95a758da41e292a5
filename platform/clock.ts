/** The one source of "now" for edges; tests pass their own. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
