import { createDigests, type DigestTurn, type DigestsDeps } from './digests';

/**
 * The `digest` command: `digest daily 08:00 [zone]`, `digest weekly mon 08:00 [zone]`, `digest off`, or `digest`
 * alone for one now. The zone defaults to the one the command arrives with.
 */
export function digestCommand(ctx: DigestTurn, args: string[], deps: DigestsDeps): Promise<void> {
  return createDigests(deps).command(ctx, args);
}

export type { DigestTurn, DigestsDeps };
