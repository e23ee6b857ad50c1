import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LoggerService, Module } from '@nestjs/common';
import { Query, Resolver } from '@nestjs/graphql';
import { loadConfig } from '@ticketing/platform';
import { postGraphQL } from '../../../../test/support/api-harness';
import { type Api, createApi } from '../create-api';

/** A resolver that fails as nothing in the product should: the error a bug throws. */
@Resolver()
class BrokenResolver {
  @Query(() => Boolean)
  brokenField(): boolean {
    throw new TypeError("Cannot read properties of undefined (reading 'capacity')");
  }
}

@Module({ providers: [BrokenResolver] })
class BrokenModule {}

interface LogLine {
  level: string;
  message: string;
}

class RecordingLogger implements LoggerService {
  readonly lines: LogLine[] = [];
  log = (message: unknown) => this.record('log', message);
  warn = (message: unknown) => this.record('warn', message);
  error = (message: unknown) => this.record('error', message);
  private record(level: string, message: unknown) {
    this.lines.push({ level, message: message instanceof Error ? String(message.stack) : String(message) });
  }
}

describe('errors of GraphQL requests in the log', () => {
  const logger = new RecordingLogger();
  let dataDir: string;
  let api: Api;
  let url: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-errors-'));
    api = await createApi({
      config: loadConfig({ DATA_DIR: dataDir, PORT: '0' }),
      logger,
      extraModules: [BrokenModule],
    });
    await api.app.listen(0, '127.0.0.1');
    url = await api.app.getUrl();
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(() => logger.lines.splice(0));

  const errorsLogged = () => logger.lines.filter((line) => line.level === 'error');

  it('a refusal the client is told about (NOT_FOUND, VALIDATION_FAILED) is not logged as an error', async () => {
    const missing = await postGraphQL(url, `{ event(id: "no-such-event") { id } }`);
    const invalid = await postGraphQL(
      url,
      `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
      { input: { email: 'not an address', password: 'correct horse battery staple', displayName: 'Ann' } },
    );

    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect(invalid.errors?.[0].extensions.code).toBe('VALIDATION_FAILED');
    expect(errorsLogged()).toEqual([]);
  });

  it('an unexpected error is logged once, with its stack, and the client sees it masked', async () => {
    const broken = await postGraphQL(url, `{ brokenField }`);

    expect(broken.errors?.[0]).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    const logged = errorsLogged();
    expect(logged).toHaveLength(1);
    expect(logged[0].message).toMatch(/TypeError: Cannot read properties of undefined[\s\S]*brokenField/);
  });
});
