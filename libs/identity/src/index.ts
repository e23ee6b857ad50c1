export * from './identity.module';
export * from './application/authenticator';
export * from './application/access-tokens';
export * from './application/user-registration';
export * from './application/streams';
export * from './projections/users.projection';
export * from './projections/identity.migrations';
export * from './application/user.queries';
