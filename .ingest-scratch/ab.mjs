import pg from "pg";
import { randomUUID } from "node:crypto";
const pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:5432/us_ingest_scratch", max: 2 });
const N = 5000;
const cols = ["ts","event_id","provider","model","region","tenant","feature","route","workload_class","task_id","attempt","fallback_from","status","error_type","http_status","input_tokens","output_tokens","cache_read_tokens","cache_write_tokens","cache_write_1h_tokens","reasoning_tokens","latency_ms","ttft_ms","queue_ms","reported_cost_usd","list_cost_usd","effective_cost_usd","priced","metadata"];
const types = ["timestamptz","text","text","text","text","text","text","text","text","text","int4","text","text","text","int2","int4","int4","int4","int4","int4","int4","int4","int4","int4","numeric","numeric","numeric","bool","jsonb"];
const short = cols.map((_, i) => "c" + i);
function row(i) { const id = randomUUID(); return [new Date(Date.now() - (i % 86400000)).toISOString(), id, "openai", "gpt-4o-mini", "us-east-1", "tenant-" + (i % 200), "chat", "/api/chat", "interactive", id, 1, null, "ok", null, 200, 1200, 300, 200, 0, 0, 0, 850, 200, null, null, "0.0003600000", "0.0003600000", true, null]; }
const unnestSql = `WITH ins AS (INSERT INTO usage_events (workspace_id, ${cols.join(",")}) SELECT $1::int, * FROM unnest(${types.map((t,i)=>`$${i+2}::${t}[]`).join(",")}) ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int n FROM ins`;
const jsonSql = `WITH ins AS (INSERT INTO usage_events (workspace_id, ${cols.join(",")}) SELECT $1::int, ${short.join(",")} FROM json_to_recordset($2::json) AS x(${short.map((c,i)=>`${c} ${types[i]}`).join(",")}) ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int n FROM ins`;
const res = { unnest: { wall: 0, cpu: 0 }, json: { wall: 0, cpu: 0 } };
for (let round = 0; round < 8; round++) {
  for (const kind of round % 2 ? ["unnest", "json"] : ["json", "unnest"]) {
    const rows = Array.from({ length: N }, (_, i) => row(round * N + i));
    const t0 = performance.now(); const c0 = process.cpuUsage();
    if (kind === "unnest") { const params = [999001]; for (let c = 0; c < cols.length; c++) params.push(rows.map(r => r[c])); await pool.query(unnestSql, params); }
    else { const objs = rows.map(r => { const o = {}; for (let c = 0; c < cols.length; c++) if (r[c] !== null) o[short[c]] = r[c]; return o; }); await pool.query(jsonSql, [999001, JSON.stringify(objs)]); }
    const c1 = process.cpuUsage(c0);
    res[kind].wall += performance.now() - t0; res[kind].cpu += (c1.user + c1.system) / 1000;
  }
}
for (const k of ["unnest", "json"]) console.log(k, "rows/s(wall)", Math.round(8 * N / res[k].wall * 1000), "client cpu µs/row", (res[k].cpu * 1000 / (8 * N)).toFixed(2));
await pool.end();
