import { type DynamicModule, Global, Module } from '@nestjs/common';
import { EVENT_STORE, HOT_STREAMS, READ_YOUR_WRITES, type ReadYourWrites } from '@ticketing/event-store';
import { APP_CONFIG, type AppConfig, Clock } from '@ticketing/platform';
import { PROJECTION_MONITOR, type ProjectionMonitor, READ_DB } from '@ticketing/read-store';
import type { Infrastructure } from './composition/infrastructure';

export interface InfrastructureProviders {
  config: AppConfig;
  infrastructure: Infrastructure;
  clock: Clock;
  readYourWrites: ReadYourWrites;
  projectionMonitor: ProjectionMonitor;
}

/** Hands the stores opened at start to every context, under the tokens their handlers inject. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(providers: InfrastructureProviders): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: providers.config },
        { provide: EVENT_STORE, useValue: providers.infrastructure.store },
        { provide: READ_DB, useValue: providers.infrastructure.db },
        { provide: HOT_STREAMS, useValue: providers.infrastructure.hotStreams },
        { provide: Clock, useValue: providers.clock },
        { provide: READ_YOUR_WRITES, useValue: providers.readYourWrites },
        { provide: PROJECTION_MONITOR, useValue: providers.projectionMonitor },
      ],
      exports: [APP_CONFIG, EVENT_STORE, HOT_STREAMS, READ_DB, Clock, READ_YOUR_WRITES, PROJECTION_MONITOR],
    };
  }
}
