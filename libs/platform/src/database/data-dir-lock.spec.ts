import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir } from './data-dir-lock';

describe('embedded data directory lock', () => {
  const lockPath = () => join(mkdtempSync(join(tmpdir(), 'lock-')), 'pglite.lock');

  it('refuses embedded files that a running process holds', async () => {
    const path = lockPath();
    const other = spawn('sleep', ['10']);
    try {
      writeFileSync(path, String(other.pid));
      expect(() => lockDataDir(path)).toThrow(`in use by process ${other.pid}`);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const path = lockPath();
    writeFileSync(path, '999999999');
    const unlock = lockDataDir(path);
    unlock();
    expect(existsSync(path)).toBe(false);
  });
});
