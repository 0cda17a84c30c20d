import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { Row, Sql, SqlExecutor } from "./sql";

function executor(db: PGlite | Transaction): SqlExecutor {
  return {
    async query<T extends Row>(text: string, params?: readonly unknown[]) {
      const r = await db.query<T>(text, params as unknown[] | undefined);
      return r.rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
    async copyFrom(statement: string, data: string | Uint8Array<ArrayBuffer>) {
      // PGlite has no STDIN: COPY reads the blob passed with the query from the virtual file /dev/blob.
      const fromBlob = statement.replace(/\bFROM\s+STDIN\b/i, "FROM '/dev/blob'");
      const r = await db.query(fromBlob, [], { blob: new Blob([data]) });
      return r.affectedRows ?? 0;
    },
  };
}

export function pgliteSql(db: PGlite): Sql {
  return {
    kind: "pglite",
    ...executor(db),
    // PGlite serialises all work on one connection; its transaction() holds that connection exclusively.
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    close: () => db.close(),
  };
}
