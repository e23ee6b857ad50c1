import type { Request, Response } from 'express';
import type { Principal } from '../domain/principal';

/** What every resolver receives: the HTTP pair and, when a valid access token came with it, the principal. */
export interface GraphQLContext {
  req: Request;
  res: Response;
  principal: Principal | null;
  correlationId: string;
}
