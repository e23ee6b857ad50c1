import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { SCHEMA_FILE } from './api-schema';

const README = join(process.cwd(), 'README.md');

/** The README's ```graphql blocks, indented or not, with the line each starts on. */
function graphqlExamples(markdown: string): { line: number; source: string }[] {
  const examples: { line: number; source: string }[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const opening = /^(\s*)```graphql\s*$/.exec(lines[index]);
    if (!opening) continue;
    const indent = opening[1].length;
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && lines[end].trim() !== '```') body.push(lines[end++].slice(indent));
    examples.push({ line: index + 1, source: body.join('\n') });
    index = end;
  }
  return examples;
}

describe('README GraphQL examples', () => {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, 'utf8'));
  const examples = graphqlExamples(readFileSync(README, 'utf8'));

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(5);
  });

  it.each(examples.map((example) => [example.line, example.source]))(
    'the operation at README.md line %i is valid against the committed schema',
    (_line, source) => {
      expect(validate(schema, parse(source)).map((error) => error.message)).toEqual([]);
    },
  );
});
