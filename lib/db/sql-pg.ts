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
      const c = await client.connect();
      try {
        return await copyWith(c, statement, data);
      } finally {
        c.release();
      }
    },
  };
}

export function pgSql(pool: pg.Pool): Sql {
  return {
    kind: "postgres",
    ...executor(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(executor(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
