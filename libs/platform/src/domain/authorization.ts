import { forbidden, unauthenticated } from './errors';
import type { Principal, Role } from './principal';

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw unauthenticated();
  return principal;
}

/** The caller must be signed in with one of `roles`. */
export function requireRole(principal: Principal | null, ...roles: Role[]): Principal {
  const caller = requirePrincipal(principal);
  if (!roles.includes(caller.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are ${caller.role}`);
  }
  return caller;
}
