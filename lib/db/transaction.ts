import type { PrismaDb } from "./open-database";
import type { Row, SqlExecutor } from "./sql";

/** Prisma's client inside an interactive transaction (no $connect/$transaction/… of its own). */
export type PrismaTx = Parameters<Parameters<PrismaDb["$transaction"]>[0]>[0];

/** One transaction, two doors: Prisma for CRUD, `sql` for the statements Prisma cannot express. */
export type Tx = { prisma: PrismaTx; sql: SqlExecutor };

export type TransactionOptions = {
  /** The transaction is rolled back if it runs longer (Prisma's default, 5 s, is short for set-based work). */
  timeoutMs?: number;
  /** How long to wait for a connection before giving up. */
  maxWaitMs?: number;
};

/** A numeric arrives through Prisma as a Decimal; `db.sql` gives the text form. toFixed never uses exponents. */
function isDecimal(v: unknown): v is { toFixed(): string } {
  return (
    typeof v === "object" && v !== null && "toFixed" in v && "isZero" in v && typeof (v as { toFixed: unknown }).toFixed === "function"
  );
}

/** Aligns Prisma's raw values with `db.sql`'s: int8 → number (string past 2^53), numeric → decimal string. */
function normalise(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (isDecimal(value)) return value.toFixed();
  return value;
}

/**
 * The raw SQL door of a Prisma transaction: the same connection and snapshot as `tx.prisma`. One
 * statement per call (prepared statements); COPY is not available through Prisma.
 */
export function prismaTxSql(prisma: PrismaTx): SqlExecutor {
  return {
    async query<T extends Row>(text: string, params: readonly unknown[] = []) {
      const rows = await prisma.$queryRawUnsafe<Row[]>(text, ...params);
      for (const row of rows) for (const key of Object.keys(row)) row[key] = normalise(row[key]);
      return rows as T[];
    },
    async exec(statement: string) {
      await prisma.$executeRawUnsafe(statement);
    },
    async copyFrom() {
      throw new Error("COPY cannot run inside withTransaction (Prisma has no COPY); use db.sql.transaction for bulk loads");
    },
  };
}

/**
 * Runs fn in ONE database transaction shared by Prisma and raw SQL, on PostgreSQL and PGlite alike:
 * a throw rolls back both. Use it when a change needs Prisma's CRUD and a raw statement to commit
 * together (e.g. a state change with its outbox row). Inside fn use only `tx`: on PGlite the outer
 * `db.sql`/`db.prisma` wait for the transaction to end (one connection), so calling them deadlocks.
 */
export function withTransaction<T>(db: { prisma: PrismaDb }, fn: (tx: Tx) => Promise<T>, opts: TransactionOptions = {}): Promise<T> {
  return db.prisma.$transaction((prisma) => fn({ prisma, sql: prismaTxSql(prisma) }), {
    timeout: opts.timeoutMs ?? 30_000,
    maxWait: opts.maxWaitMs ?? 10_000,
  });
}
