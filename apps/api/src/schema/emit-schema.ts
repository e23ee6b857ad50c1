import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { generateSchema, SCHEMA_FILE } from './api-schema';

generateSchema()
  .then((schema) => {
    writeFileSync(SCHEMA_FILE, schema);
    console.log(`Wrote ${SCHEMA_FILE}`);
  })
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
