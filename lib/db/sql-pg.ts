import pg from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import type { Row, Sql, SqlExecutor } from "./sql";

const INT8 = 20;
const NUMERIC = 1700;

// int8 as number: counts and token sums stay far below 2^53; numeric stays a string (decimal money).
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === INT8) return (v: string) => Number(v);
    if (oid === NUMERIC) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export function createPgPool(url: string, max = Number(process.env.DATABASE_POOL_MAX ?? 10)): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 10_000 });
  // An idle client erroring (server restart) must not crash the process; the pool replaces it.
  pool.on("error", (err) => console.error("[db] idle client error:", err.message));
  return pool;
}

async function copyWith(client: pg.PoolClient, statement: string, data: string | Uint8Array<ArrayBuffer>): Promise<number> {
  const stream = client.query(copyFromStdin(statement));
  await new Promise<void>((resolve, reject) => {
    stream.on("finish", resolve);
    stream.on("error", reject);
    stream.end(data);
  });
  return stream.rowCount;
}

/**
 * Runs fn on a client of its own. A checked-out client has none of the pool's listeners: when the server
 * ends the connection (pg_terminate_backend, failover) it emits 'error', which unheard would kill the
 * process. A connection that failed is destroyed on release instead of being handed to the next caller.
 */
async function withClient<T>(pool: pg.Pool, fn: (client: pg.PoolClient, markBroken: (err: unknown) => void) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  const markBroken = (err: unknown) => {
    broken ??= err instanceof Error ? err : new Error(String(err));
  };
  const onError = (err: Error) => {
    console.error("[db] connection lost while in use:", err.message);
    markBroken(err);
  };
  client.on("error", onError);
  try {
    return await fn(client, markBroken);
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}

function executor(client: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<T extends Row>(text: string, params?: readonly unknown[]) {
      const r = await client.query(text, params as unknown[] | undefined);
      return r.rows as T[];
    },
    async exec(script: string) {
      await client.query(script);
    },
    async copyFrom(statement: string, data: string | Uint8Array<ArrayBuffer>) {
      if (!(client instanceof pg.Pool)) return copyWith(client, statement, data);
      // COPY needs one connection for its whole exchange.
      return withClient(client, (c) => copyWith(c, statement, data));
    },
  };
}

export function pgSql(pool: pg.Pool): Sql {
  return {
    kind: "postgres",
    ...executor(pool),
    transaction: (fn) =>
      withClient(pool, async (client, markBroken) => {
        try {
          await client.query("BEGIN");
          const result = await fn(executor(client));
          await client.query("COMMIT");
          return result;
        } catch (err) {
          await client.query("ROLLBACK").catch(markBroken);
          throw err;
        }
      }),
    close: () => pool.end(),
  };
}
