import 'reflect-metadata';
import { Command } from 'commander';
import { loadConfig } from '@ticketing/platform';
import { createAdmin } from './commands/create-admin.command';
import { printHistory } from './commands/history.command';
import { rebuildProjection } from './commands/rebuild.command';
import { withInfrastructure } from './with-infrastructure';

const program = new Command('admin').description(
  'Operate the ticketing backend: audit trail, read models, admins.',
);

program
  .command('history')
  .description("print a stream's events with their metadata (who, when, why), oldest first")
  .argument('<stream>', 'stream name, e.g. event-<id> or user-<id>')
  .option('--json', 'one JSON object per line instead of text')
  .action((stream: string, options: { json?: boolean }) =>
    withInfrastructure(loadConfig(), (infrastructure) => printHistory(infrastructure, stream, options)),
  );

program
  .command('rebuild')
  .description('drop a read model and replay it from the start of the log')
  .argument('<projection>', 'projection name (run without a valid name to list them)')
  .action((projection: string) =>
    withInfrastructure(loadConfig(), (infrastructure) => rebuildProjection(infrastructure, projection)),
  );

program
  .command('create-admin')
  .description('create an ADMIN account (the API never creates one)')
  .requiredOption('--email <email>')
  .requiredOption('--password <password>', '12 to 128 characters')
  .option('--name <displayName>', 'display name', 'Administrator')
  .action((options: { email: string; password: string; name: string }) =>
    withInfrastructure(loadConfig(), (infrastructure) => createAdmin(infrastructure, options)),
  );

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
