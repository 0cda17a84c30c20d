-- Canonical vendor names for the events stored before ingestion canonicalised them on every path
-- (issue 11 section 3): `vertex_ai`, `gcp.vertex_ai` and `google` were three vendors in the vendor matrix.
-- Each stored provider becomes its canonical name (lib/pricing/canonical-names.ts, the same table the
-- ingest paths apply; lib/pricing/canonical-names-migration.test.ts keeps the list below equal to it),
-- the name as stored kept in metadata.provider_raw. Names outside the table are lower-cased (ASCII only:
-- lower() of other letters depends on the database's locale). Costs are not touched: the table is
-- price-neutral by construction (canonical-names.test.ts). Model prefixes (`anthropic/claude-…`) need the
-- catalog to be merged safely and are left as stored. The changed hours are marked dirty, so the rollup
-- sweep rebuilds them (queries read raw events for dirty hours meanwhile, so results stay exact).

CREATE TEMP TABLE "canonical_provider_aliases" ("raw" TEXT PRIMARY KEY, "canonical" TEXT NOT NULL) ON COMMIT DROP;
INSERT INTO "canonical_provider_aliases" ("raw", "canonical") VALUES
-- provider aliases: begin
  ('openai', 'openai'),
  ('anthropic', 'anthropic'),
  ('aws', 'aws'),
  ('aws.bedrock', 'aws'),
  ('bedrock', 'aws'),
  ('amazon_bedrock', 'aws'),
  ('amazon-bedrock', 'aws'),
  ('azure', 'azure'),
  ('azure_openai', 'azure'),
  ('azure-openai', 'azure'),
  ('azure_ai', 'azure'),
  ('azure-ai', 'azure'),
  ('google', 'google'),
  ('gemini', 'google'),
  ('gcp.gemini', 'google'),
  ('gcp.vertex_ai', 'google'),
  ('vertex_ai', 'google'),
  ('vertexai', 'google'),
  ('vertex', 'google'),
  ('vertex_ai_beta', 'google'),
  ('google_genai', 'google'),
  ('google-genai', 'google'),
  ('google-vertex', 'google'),
  ('mistral', 'mistral'),
  ('mistral_ai', 'mistral'),
  ('mistralai', 'mistral'),
  ('x-ai', 'x-ai'),
  ('xai', 'x-ai'),
  ('grok', 'x-ai'),
  ('together', 'together'),
  ('together_ai', 'together'),
  ('together-ai', 'together'),
  ('fireworks', 'fireworks'),
  ('fireworks_ai', 'fireworks'),
  ('fireworks-ai', 'fireworks'),
  ('groq', 'groq'),
  ('deepseek', 'deepseek'),
  ('cohere', 'cohere'),
  ('perplexity', 'perplexity'),
  ('ibm.watsonx.ai', 'ibm')
-- provider aliases: end
;

CREATE TEMP TABLE "canonical_provider_renames" ON COMMIT DROP AS
SELECT s."provider" AS "stored", COALESCE(a."canonical", lower(btrim(s."provider"))) AS "canonical"
FROM (SELECT DISTINCT "provider" FROM "usage_events") s
LEFT JOIN "canonical_provider_aliases" a ON a."raw" = lower(btrim(s."provider"))
WHERE s."provider" ~ '^[ -~]*$';
DELETE FROM "canonical_provider_renames" WHERE "stored" = "canonical";

WITH "changed" AS (
  UPDATE "usage_events" u
  SET "provider" = r."canonical",
      "metadata" = COALESCE(u."metadata", '{}'::jsonb) || jsonb_build_object('provider_raw', u."provider")
  FROM "canonical_provider_renames" r
  WHERE u."provider" = r."stored"
  RETURNING u."workspace_id", u."ts"
)
INSERT INTO "rollup_dirty" ("workspace_id", "grain", "bucket")
SELECT DISTINCT "workspace_id", 'hour', date_trunc('hour', "ts", 'UTC') FROM "changed";
