/** Nest injection token for the read models' `Kysely<Database>`. */
export const READ_DB = Symbol('READ_DB');
