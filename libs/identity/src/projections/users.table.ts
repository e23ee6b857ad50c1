import type { Role } from '@ticketing/platform/domain';

export interface IdentityUsersTable {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  registered_at: Date;
}

declare module '@ticketing/read-store' {
  interface Database {
    identity_users: IdentityUsersTable;
  }
}
