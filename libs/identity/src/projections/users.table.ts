import type { Role } from '@ticketing/platform/domain';

export interface IdentityUsersTable {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  registered_at: Date;
}

// Augments the module that declares `Database` (not the barrel), so every context's tables merge into one type.
declare module '@ticketing/read-store/database' {
  interface Database {
    identity_users: IdentityUsersTable;
  }
}
