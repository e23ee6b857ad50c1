import type { AppConfig } from '@ticketing/platform';
import { type Infrastructure, openInfrastructure } from '../../api/src/composition/infrastructure';

/** Opens the stores for one command and always closes them, so the embedded files are released. */
export async function withInfrastructure(
  config: AppConfig,
  work: (infrastructure: Infrastructure) => Promise<void>,
): Promise<void> {
  const infrastructure = await openInfrastructure(config);
  try {
    await work(infrastructure);
  } finally {
    await infrastructure.close();
  }
}
