import pg from "pg";
import { randomUUID } from "node:crypto";
const pool = new pg.Pool({ connectionString: "postgresql://postgres@127.0.0.1:5432/us_ingest_scratch", max: 4 });
const N = 5000, B = 20;
const cols = ["ts","event_id","provider","model","region","tenant","feature","route","workload_class","task_id","attempt","fallback_from","status","error_type","http_status","input_tokens","output_tokens","cache_read_tokens","cache_write_tokens","cache_write_1h_tokens","reasoning_tokens","latency_ms","ttft_ms","queue_ms","reported_cost_usd","list_cost_usd","effective_cost_usd","priced","metadata"];
const types = ["timestamptz","text","text","text","text","text","text","text","text","text","int4","text","text","text","int2","int4","int4","int4","int4","int4","int4","int4","int4","int4","numeric","numeric","numeric","bool","jsonb"];
function row(i) { const id = randomUUID(); return { ts: new Date(Date.now() - (i % 86400000)).toISOString(), event_id: id, provider: "openai", model: "gpt-4o-mini", region: "us-east-1", tenant: "tenant-" + (i % 200), feature: "chat", route: "/api/chat", workload_class: "interactive", task_id: id, attempt: 1, fallback_from: null, status: "ok", error_type: null, http_status: 200, input_tokens: 1200, output_tokens: 300, cache_read_tokens: 200, cache_write_tokens: 0, cache_write_1h_tokens: 0, reasoning_tokens: 0, latency_ms: 850, ttft_ms: 200, queue_ms: null, reported_cost_usd: null, list_cost_usd: "0.0003600000", effective_cost_usd: "0.0003600000", priced: true, metadata: null }; }
const unnestSql = `WITH ins AS (INSERT INTO usage_events (workspace_id, ${cols.join(",")}) SELECT $1::int, * FROM unnest(${types.map((t,i)=>`$${i+2}::${t}[]`).join(",")}) ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int n FROM ins`;
const jsonSql = `WITH ins AS (INSERT INTO usage_events (workspace_id, ${cols.join(",")}) SELECT $1::int, ${cols.join(",")} FROM json_to_recordset($2::json) AS x(${cols.map((c,i)=>`${c} ${types[i]}`).join(",")}) ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int n FROM ins`;
await pool.query("insert into workspaces (id, slug, name) values (999001,'mb','mb') on conflict do nothing");
async function run(name, fn) { let t0 = performance.now(), js = 0; for (let b = 0; b < B; b++) { const rows = Array.from({length:N}, (_, i) => row(b*N+i)); const t1 = performance.now(); await fn(rows); js += 0; } const dt = (performance.now()-t0)/1000; console.log(name, Math.round(N*B/dt), "rows/s"); }
await run("unnest", async rows => { const params = [999001, ...cols.map(c => rows.map(r => r[c]))]; await pool.query(unnestSql, params); });
await run("json", async rows => { await pool.query(jsonSql, [999001, JSON.stringify(rows)]); });
await run("unnest", async rows => { const params = [999001, ...cols.map(c => rows.map(r => r[c]))]; await pool.query(unnestSql, params); });
await run("json", async rows => { await pool.query(jsonSql, [999001, JSON.stringify(rows)]); });
await pool.end();
