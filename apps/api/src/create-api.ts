import {
  type DynamicModule,
  type INestApplication,
  Logger,
  type LoggerService,
  type LogLevel,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type LogPosition } from '@ticketing/event-store';
import { type AppConfig, Clock, createValidationPipe, SystemClock } from '@ticketing/platform';
import { CheckpointMonitor } from '@ticketing/read-store';
import { AppModule } from './app.module';
import { GraphqlErrorFilter } from './graphql/graphql-error.filter';
import {
  type Infrastructure,
  openInfrastructure,
  type RunningProjections,
  startProjections,
} from './composition/infrastructure';
import { readModelProjections } from './composition/read-models';

export interface ApiOptions {
  config: AppConfig;
  /** Tests pass a clock they control. */
  clock?: Clock;
  logger?: LoggerService | LogLevel[] | false;
  /** Modules added beside the application's own: the flash-sale benchmark adds its baseline resolver this way. */
  extraModules?: DynamicModule['imports'];
}

export interface Api {
  app: INestApplication;
  infrastructure: Infrastructure;
  /** Null when projections run in their own process (PROJECTIONS=external). */
  projections: RunningProjections | null;
  close(): Promise<void>;
}

/** Opens the stores, starts the in-process projections when configured, and builds the Nest application. */
export async function createApi(options: ApiOptions): Promise<Api> {
  const { config } = options;
  const infrastructure = await openInfrastructure(config);
  const monitor = new CheckpointMonitor(infrastructure.store, infrastructure.db, readModelProjections);
  const readYourWrites = {
    waitFor: async (position: LogPosition | null) => {
      if (position) await monitor.waitForPosition(position, config.readYourWritesTimeoutMs);
    },
  };
  const appModule = AppModule.forRoot({
    config,
    infrastructure,
    clock: options.clock ?? new SystemClock(),
    readYourWrites,
    projectionMonitor: monitor,
  });
  const app = await NestFactory.create(
    { ...appModule, imports: [...(appModule.imports ?? []), ...(options.extraModules ?? [])] },
    // The Stripe webhook's signature covers the exact bytes received, which parsing and re-serialising would lose.
    { logger: options.logger ?? ['log', 'warn', 'error'], rawBody: true },
  );
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GraphqlErrorFilter(app.getHttpAdapter()));
  // After the app exists, so the projections log through the logger it was given.
  const projections = config.runProjectionsInProcess
    ? await startProjections(infrastructure, new Logger('Projections'))
    : null;
  return {
    app,
    infrastructure,
    projections,
    async close() {
      await app.close();
      await projections?.stop();
      await infrastructure.close();
    },
  };
}
