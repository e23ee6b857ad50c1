import type { RecordedEvent } from '@ticketing/event-store';
import type { Infrastructure } from '../../../api/src/composition/infrastructure';

/** Prints every event of a stream with who caused it; actors are shown with their e-mail address when known. */
export async function printHistory(
  { store, db }: Infrastructure,
  stream: string,
  options: { json?: boolean },
): Promise<void> {
  const events = await store.readStream(stream);
  if (events.length === 0) throw new Error(`Stream ${stream} has no events`);
  const actorIds = [...new Set(events.map((e) => e.metadata.actor).filter((a): a is string => a !== null))];
  const actors = actorIds.length
    ? await db.selectFrom('identity_users').select(['id', 'email']).where('id', 'in', actorIds).execute()
    : [];
  const emailOf = new Map(actors.map((a) => [a.id, a.email]));
  for (const event of events) {
    const actor = event.metadata.actor;
    const who = actor ? `${actor}${emailOf.has(actor) ? ` (${emailOf.get(actor)})` : ''}` : 'anonymous';
    console.log(options.json ? JSON.stringify(toJson(event, who)) : toText(event, who));
  }
}

function toJson(event: RecordedEvent, who: string) {
  return {
    stream: event.streamName,
    revision: String(event.revision),
    position: { commit: String(event.position.commit), prepare: String(event.position.prepare) },
    id: event.id,
    type: event.type,
    by: who,
    metadata: event.metadata,
    data: event.data,
  };
}

function toText(event: RecordedEvent, who: string): string {
  const { occurredAt, correlationId, causationId, schemaVersion } = event.metadata;
  return [
    `#${event.revision} ${event.type} (v${schemaVersion}) at ${occurredAt} by ${who}`,
    `  event ${event.id}, correlation ${correlationId}${causationId ? `, caused by ${causationId}` : ''}`,
    `  ${JSON.stringify(event.data)}`,
  ].join('\n');
}
