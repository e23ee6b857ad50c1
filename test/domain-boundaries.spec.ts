import { ESLint } from 'eslint';

/** The lint rule that keeps deciders pure is itself part of the architecture, so it is tested like code. */
describe('domain folders stay pure', () => {
  const eslint = new ESLint({ cwd: `${__dirname}/..` });

  async function lintDomainFile(source: string): Promise<string[]> {
    const [result] = await eslint.lintText(source, { filePath: 'libs/catalog/src/domain/example.ts' });
    return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  it.each([
    ["import { Injectable } from '@nestjs/common';"],
    ["import { sql } from 'kysely';"],
    ["import { Pool } from 'pg';"],
    ["import { EventStoreDBClient } from '@eventstore/db-client';"],
    ["import { runCommand } from '@ticketing/event-store';"],
    ["import { READ_DB } from '@ticketing/read-store';"],
  ])('refuses %s in a domain folder', async (importLine) => {
    expect(
      await lintDomainFile(`${importLine}\nexport const used = [${importLine.match(/\{ (\w+) \}/)![1]}];\n`),
    ).toEqual([expect.stringContaining('domain/ is pure')]);
  });

  it('refuses the platform barrel, which brings Nest along', async () => {
    const source = "import { Clock } from '@ticketing/platform';\nexport const used = [Clock];\n";
    expect(await lintDomainFile(source)).toEqual([expect.stringContaining('@ticketing/platform/domain')]);
  });

  it('allows the pure platform helpers', async () => {
    const source =
      "import { ruleViolation } from '@ticketing/platform/domain';\nexport const used = [ruleViolation];\n";
    expect(await lintDomainFile(source)).toEqual([]);
  });
});
