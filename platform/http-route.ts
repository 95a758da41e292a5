import type { Request, Response } from 'restify';

/** One endpoint an edge serves; `path` may have restify's parameters (`/api/tab/referrals/:id`, `/tab/assets/*`). */
export interface HttpRoute {
  method: 'get' | 'post' | 'del';
  path: string;
  handler: (req: Request, res: Response) => Promise<void>;
}
