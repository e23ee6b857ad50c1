/** Where the projection runner reports. `console` fits, and so does Nest's `Logger`. */
export interface ProjectionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}
