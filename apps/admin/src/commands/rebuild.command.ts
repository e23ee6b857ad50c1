import { rebuildProjection as rebuild } from '@ticketing/read-store';
import type { Infrastructure } from '../../../api/src/composition/infrastructure';
import { readModelProjections } from '../../../api/src/composition/read-models';

/**
 * Replays one read model from the start of the log beside the live one, then swaps it in. A projector running
 * elsewhere notices the moved checkpoint and carries on from there.
 */
export async function rebuildProjection({ store, db }: Infrastructure, name: string): Promise<void> {
  const projection = readModelProjections.find((p) => p.name === name);
  if (!projection) {
    const known = readModelProjections.map((p) => p.name).join(', ');
    throw new Error(`No projection is named "${name}". Known projections: ${known}`);
  }
  const started = Date.now();
  const position = await rebuild({ store, db, projection, logger: console });
  const at = position ? `${position.commit}/${position.prepare}` : 'the start of the log (empty)';
  console.log(`Rebuilt ${name} up to ${at} in ${Date.now() - started} ms`);
}
