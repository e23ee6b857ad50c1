import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ticketing/event-store';
import { APP_CONFIG, type AppConfig } from '@ticketing/platform';
import { type Database, PROJECTION_MONITOR, type ProjectionMonitor, READ_DB } from '@ticketing/read-store';
import type { Response } from 'express';
import { type Kysely, sql } from 'kysely';

/** `live`: the process answers. `ready`: the log and the read store answer and projections are not far behind. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DB) private readonly db: Kysely<Database>,
    @Inject(PROJECTION_MONITOR) private readonly projections: ProjectionMonitor,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('live')
  live() {
    return { status: 'live' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response) {
    const [eventStore, readStore] = await Promise.all([
      probe(() => this.store.headPosition()),
      probe(() => sql`select 1`.execute(this.db)),
    ]);
    const projections = eventStore && readStore ? await this.projections.status() : [];
    const caughtUp = projections.every((p) => p.lag <= this.config.readyMaxProjectionLag);
    const ready = eventStore && readStore && caughtUp;
    res.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ready ? 'ready' : 'not-ready',
      eventStore: eventStore ? 'up' : 'down',
      readStore: readStore ? 'up' : 'down',
      projections: projections.map((p) => ({
        name: p.name,
        position: p.position
          ? { commit: String(p.position.commit), prepare: String(p.position.prepare) }
          : null,
        lag: p.lag,
      })),
    };
  }
}

const PROBE_TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([check(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
