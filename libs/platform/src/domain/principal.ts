export const Role = {
  ADMIN: 'ADMIN',
  ORGANIZER: 'ORGANIZER',
  CUSTOMER: 'CUSTOMER',
  SCANNER: 'SCANNER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Who is calling, as proven by a verified access token. */
export interface Principal {
  userId: string;
  role: Role;
  sessionId: string;
}

/** The actor recorded in event metadata for work no user asked for. */
export const SYSTEM_ACTOR = 'system';
