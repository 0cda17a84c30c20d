import fs from "node:fs";
const f = fs.readdirSync(".ingest-scratch").find(f => f.endsWith(".cpuprofile"));
const p = JSON.parse(fs.readFileSync(".ingest-scratch/" + f));
const self = new Map(); const byId = new Map(p.nodes.map(n => [n.id, n]));
const dt = p.timeDeltas; const counts = new Map();
p.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
for (const [id, t] of counts) { const n = byId.get(id); const key = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) || 0) + t); }
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, t]) => `${(t / total * 100).toFixed(1)}% ${k}`).join("\n"));
