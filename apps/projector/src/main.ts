import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@ticketing/platform';
import type { ProjectionStatus } from '@ticketing/read-store';
import { openInfrastructure, startProjections } from '../../api/src/composition/infrastructure';
import { readModelProjections } from '../../api/src/composition/read-models';

const STATUS_INTERVAL_MS = 30_000;

/**
 * The projection worker of the services and scale-out modes: keeps every read model current from the event log.
 * Run as many as you like: each projection is applied by one of them at a time (an advisory lock per projection),
 * and another takes over within about a second when its holder dies.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigError(
      'the projector needs DATABASE_URL (the embedded mode projects inside the API process)',
    );
  }
  const logger = new Logger('Projector');
  const infrastructure = await openInfrastructure(config);
  const projections = await startProjections(infrastructure, logger);
  logger.log(`Projecting ${readModelProjections.length} read models (event store: ${config.eventStore})`);

  const reporting = setInterval(() => {
    projections.runner.status().then(
      (statuses) => statuses.forEach((status) => logger.log(describe(status))),
      (error: unknown) =>
        logger.warn(`Status unavailable: ${error instanceof Error ? error.message : error}`),
    );
  }, STATUS_INTERVAL_MS);

  const shutdown = async (signal: string) => {
    logger.log(`${signal}: finishing the batches in flight`);
    clearInterval(reporting);
    await projections.stop();
    await infrastructure.close();
    process.exit(0);
  };
  const exitOn = (signal: string) => () => {
    shutdown(signal).catch((error: unknown) => {
      logger.error('Shutdown failed', error);
      process.exit(1);
    });
  };
  process.once('SIGINT', exitOn('SIGINT'));
  process.once('SIGTERM', exitOn('SIGTERM'));
}

function describe({ name, state, position, lag, lagIsCapped, lastError }: ProjectionStatus): string {
  const at = position ? `${position.commit}/${position.prepare}` : 'start of log';
  const behind = `${lag}${lagIsCapped ? '+' : ''} events behind`;
  return `${name}: ${state} at ${at}, ${behind}${lastError ? `, last error: ${lastError}` : ''}`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
