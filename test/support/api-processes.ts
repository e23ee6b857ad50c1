import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type GraphQLResponse, postGraphQL } from './api-harness';

const repositoryRoot = resolve(__dirname, '../..');

export interface ApiBuild {
  dir: string;
  remove(): void;
}

/**
 * Compiles the API into a directory of its own rather than `dist/`, which `npm run build` empties on every run: a
 * test file building there could delete the output another test file is starting from. The directory links the
 * repository's node_modules, so the compiled code resolves its packages as `dist/` does.
 */
export async function buildApi(): Promise<ApiBuild> {
  const dir = mkdtempSync(join(tmpdir(), 'ticketing-api-build-'));
  const swc = join(repositoryRoot, 'node_modules/.bin/swc');
  await promisify(execFile)(swc, ['apps', 'libs', '-d', dir, '--quiet'], { cwd: repositoryRoot });
  symlinkSync(join(repositoryRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** One signing key for every process, so a token one process issues is accepted by the others, as behind a balancer. */
export function sharedSigningKeyJwk(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return JSON.stringify(privateKey.export({ format: 'jwk' }));
}

export interface ApiProcess {
  url: string;
  graphql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<Data>>;
  stop(): Promise<void>;
}

/** Starts `node apps/api/src/main.js` from `build` as an OS process and waits until /health/ready answers 200. */
export async function startApiProcess(build: ApiBuild, env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketing-api-process-'));
  const child = spawn(process.execPath, [join(build.dir, 'apps/api/src/main.js')], {
    cwd: build.dir,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(url, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    graphql: (query, variables, token) => postGraphQL(url, query, variables, token),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The API process exited with ${child.exitCode}:\n${output()}`);
    const status = await fetch(`${url}/health/ready`).then(
      (response) => response.status,
      () => null,
    );
    if (status === 200) return;
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`The API process was not ready within 30 s:\n${output()}`);
}

/** A port the system just handed out and took back; another process could take it in between, rarely enough here. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}
