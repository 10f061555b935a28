// What main.ts holds of a running ingest, whichever the source.
export interface RunningIngest {
  status(): { running: boolean; source: string; accepted: number; rejected: number; lastFlushAt: string | null };
  metrics(): string;
  /** Flushes what is in hand, commits, and stops reading. */
  stop(): Promise<void>;
}

export interface IngestLogger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
