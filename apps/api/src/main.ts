import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@ticketing/platform';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadConfig();
  const api = await createApi({ config });
  await api.app.listen(config.port);
  const logger = new Logger('Api');
  const storage = config.databaseUrl ? 'Postgres' : `embedded PGlite in ${config.dataDir}`;
  logger.log(
    `GraphQL at http://localhost:${config.port}/graphql (${storage}, event store: ${config.eventStore})`,
  );
  const shutdown = async (signal: string) => {
    logger.log(`${signal}: shutting down`);
    await api.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
