import { sql, type Kysely, type Migration } from 'kysely';

/** The read store's own tables, migrated before (and together with) every context's read models. */
export const readStoreMigrations: Record<string, Migration> = {
  '2026-11-23-0000-read-store-projection-checkpoints': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('projection_checkpoints')
        .addColumn('projection', 'text', (column) => column.primaryKey())
        .addColumn('commit_position', 'text')
        .addColumn('prepare_position', 'text')
        .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('projection_checkpoints').execute();
    },
  },
};
