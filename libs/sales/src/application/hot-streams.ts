import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { BatchingCommandExecutor, EVENT_STORE, type EventStore } from '@ticketing/event-store';

/**
 * The one batching executor of this process for the streams a flash sale makes hot (an event's inventory, a shared
 * promo code): each stream must have a single owner here, so every handler shares this instance.
 */
@Injectable()
export class HotStreams implements OnModuleDestroy {
  readonly executor: BatchingCommandExecutor;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.executor = new BatchingCommandExecutor(store);
  }

  onModuleDestroy(): void {
    this.executor.close();
  }
}
