/**
 * The read models could not be migrated. Pending migrations run in one transaction, so after this error none of
 * them is applied; `cause` holds the database's own error.
 */
export class ReadStoreMigrationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ReadStoreMigrationError';
  }
}
