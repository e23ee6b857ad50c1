import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { loadConfig } from '@ticketing/platform';
import { printSchema } from 'graphql';
import { createApi } from '../create-api';

/** npm runs scripts from the repository root. */
export const SCHEMA_FILE = join(process.cwd(), 'schema.gql');

/** The schema the code declares, printed as SDL (sorted), from an app booted on a throwaway embedded database. */
export async function generateSchema(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketing-schema-'));
  const api = await createApi({ config: loadConfig({ DATA_DIR: dataDir }), logger: false });
  try {
    await api.app.init();
    return `${printSchema(api.app.get(GraphQLSchemaHost).schema)}\n`;
  } finally {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
