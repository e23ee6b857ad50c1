import { readFileSync } from 'node:fs';
import { generateSchema, SCHEMA_FILE } from './api-schema';

describe('committed GraphQL schema', () => {
  it('equals the schema the code generates (run `npm run schema` after changing the API)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(await generateSchema()).toBe(committed);
  });
});
