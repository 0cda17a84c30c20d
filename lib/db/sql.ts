/**
 * The raw SQL door for the hot paths (ingest, rollups, metrics). Prisma serves CRUD; these paths need
 * set-based statements Prisma cannot express or would run too slowly. Same interface on pg and PGlite.
 * Type parsing is aligned on both: numeric → string (money stays decimal), int8 → number.
 */
export type Row = Record<string, unknown>;

export interface SqlExecutor {
  query<T extends Row = Row>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a multi-statement script without parameters. */
  exec(script: string): Promise<void>;
  /**
   * Runs `COPY <table> (<columns>) FROM STDIN WITH (…)` with `data` as its input and returns the rows
   * copied: the fastest bulk write Postgres has (ingestion's hot path). Identifiers in `statement` must
   * come from code, never from input.
   */
  copyFrom(statement: string, data: string | Uint8Array<ArrayBuffer>): Promise<number>;
}

export interface Sql extends SqlExecutor {
  readonly kind: "postgres" | "pglite";
  /** Runs fn in one transaction; a throw rolls everything back. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
