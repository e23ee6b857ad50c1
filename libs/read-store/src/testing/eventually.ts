import { sleep } from '../interruptible-sleep';

/** Polls `condition` until it holds; throws `description` when `timeoutMs` runs out first. */
export async function eventually(
  description: string,
  condition: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${description}`);
    await sleep(10);
  }
}
