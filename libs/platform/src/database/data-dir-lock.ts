import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * PGlite files must be opened by one process at a time: two writers would corrupt them. The lock file holds the
 * owner's pid; a lock left by a process that no longer runs is taken over.
 */
export function lockDataDir(lockPath: string): () => void {
  mkdirSync(dirname(lockPath), { recursive: true });
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch {
    const owner = Number(readFileSync(lockPath, 'utf8'));
    if (owner !== process.pid && isRunning(owner)) {
      throw new Error(
        `The embedded database at ${dirname(lockPath)} is in use by process ${owner}. Stop it first ` +
          '(the API and the admin CLI cannot share embedded files; use DATABASE_URL for that).',
      );
    }
    writeFileSync(lockPath, String(process.pid));
  }
  return () => rmSync(lockPath, { force: true });
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
