import type { ProjectionLogger } from '../projection-logger';

/** A logger that keeps what it is told, for tests to assert on, and prints nothing. */
export class RecordingLogger implements ProjectionLogger {
  readonly messages: string[] = [];

  log(message: string): void {
    this.messages.push(message);
  }

  warn(message: string): void {
    this.messages.push(message);
  }

  error(message: string, error?: unknown): void {
    this.messages.push(error instanceof Error ? `${message}: ${error.message}` : message);
  }
}
