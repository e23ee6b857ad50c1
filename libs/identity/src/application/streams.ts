import { streamName } from '@ticketing/event-store';
import { normaliseEmail } from '../domain/email-claim.decider';

export const userStream = (userId: string) => streamName('user', userId);
export const emailClaimStream = (email: string) => streamName('userEmail', normaliseEmail(email));
export const sessionStream = (sessionId: string) => streamName('session', sessionId);
