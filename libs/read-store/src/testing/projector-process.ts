import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const repositoryRoot = resolve(__dirname, '../../../..');

/** A compiled copy of the libraries, so that test scripts can run as plain Node processes. */
export interface CompiledLibraries {
  scriptPath(relativeToReadStoreSource: string): string;
  remove(): Promise<void>;
}

/** Compiles platform, event-store and read-store with the project's swc settings (about a second). */
export async function compileLibraries(): Promise<CompiledLibraries> {
  const outDir = await mkdtemp(join(tmpdir(), 'read-store-processes-'));
  const sources = ['libs/platform/src', 'libs/event-store/src', 'libs/read-store/src'];
  await promisify(execFile)(
    join(repositoryRoot, 'node_modules/.bin/swc'),
    [...sources, '-d', outDir, '--quiet'],
    {
      cwd: repositoryRoot,
    },
  );
  return {
    scriptPath: (script) => join(outDir, 'libs/read-store/src', script.replace(/\.ts$/, '.js')),
    remove: () => rm(outDir, { recursive: true, force: true }),
  };
}

/** A child process running a compiled script, with its stdout lines collected. */
export class ScriptProcess {
  readonly lines: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;

  constructor(scriptPath: string, env: Record<string, string>) {
    this.child = spawn(process.execPath, [scriptPath], {
      // The compiled copy lives outside the repository, so packages are found through NODE_PATH.
      env: { ...process.env, ...env, NODE_PATH: join(repositoryRoot, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let partial = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      const text = partial + chunk.toString();
      const lines = text.split('\n');
      partial = lines.pop() ?? '';
      this.lines.push(...lines);
    });
    this.child.stderr?.on('data', (chunk: Buffer) => this.lines.push(`stderr: ${chunk.toString()}`));
    this.exited = new Promise((resolveExit) => this.child.once('exit', (code) => resolveExit(code)));
  }

  get pid(): number {
    if (this.child.pid === undefined) throw new Error('The process did not start');
    return this.child.pid;
  }

  printed(line: string): boolean {
    return this.lines.includes(line);
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}
