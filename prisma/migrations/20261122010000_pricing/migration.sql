-- Pricing engine: the price catalog (effective-dated price rows per provider model), workspace
-- contract terms, commitment allocations and audited re-pricing runs.

-- One row per catalog release loaded (e.g. @pydantic/genai-prices 0.1.8). Rows keep the catalog they
-- came from so Settings → Pricing can show which version and date priced an event.
CREATE TABLE "price_catalogs" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "released_on" DATE,
    "fingerprint" TEXT NOT NULL,
    "provider_count" INTEGER NOT NULL,
    "model_count" INTEGER NOT NULL,
    "row_count" INTEGER NOT NULL,
    "loaded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "price_catalogs_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "price_catalogs_source_fingerprint_key" ON "price_catalogs"("source", "fingerprint");

-- Providers as the catalog names them, with the rules that map an event's provider string onto them
-- (provider_match, e.g. "bedrock" → aws) and the providers whose models they also sell (fallbacks).
CREATE TABLE "price_providers" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider_match" JSONB,
    "model_match" JSONB,
    "fallback_providers" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "pricing_urls" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "catalog_id" INTEGER NOT NULL,
    CONSTRAINT "price_providers_pkey" PRIMARY KEY ("id")
);
ALTER TABLE "price_providers" ADD CONSTRAINT "price_providers_catalog_id_fkey" FOREIGN KEY ("catalog_id") REFERENCES "price_catalogs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A catalog model and the name-matching rule that resolves aliases and dated snapshots onto it.
-- position keeps the catalog's order: the first matching model wins, as in the catalog itself.
CREATE TABLE "price_models" (
    "provider_id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "name" TEXT,
    "match" JSONB NOT NULL,
    "position" INTEGER NOT NULL,
    "context_window" INTEGER,
    "price_comments" TEXT,
    "deprecated" BOOLEAN NOT NULL DEFAULT false,
    "catalog_id" INTEGER NOT NULL,
    CONSTRAINT "price_models_pkey" PRIMARY KEY ("provider_id", "model_id")
);
ALTER TABLE "price_models" ADD CONSTRAINT "price_models_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "price_providers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "price_models" ADD CONSTRAINT "price_models_catalog_id_fkey" FOREIGN KEY ("catalog_id") REFERENCES "price_catalogs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Prices per million tokens in force from effective_from (inclusive) to effective_to (exclusive, NULL =
-- open). NULL price = that token class is not priced apart (its tokens fall back to the parent class:
-- cache reads to input, reasoning to output). tiers: [{"aboveInputTokens": n, "prices": {...}}] — the
-- whole request is priced at the highest tier whose threshold the input tokens exceed. A UTC time-of-day
-- window (seconds of the day, end exclusive, may wrap midnight) marks off-peak / peak rows; among rows in
-- force, the highest precedence whose window contains the event time wins.
CREATE TABLE "price_rows" (
    "id" SERIAL NOT NULL,
    "provider_id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "variant" TEXT NOT NULL DEFAULT 'standard',
    "precedence" INTEGER NOT NULL DEFAULT 0,
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "effective_to" TIMESTAMPTZ(3),
    "utc_window_start" INTEGER,
    "utc_window_end" INTEGER,
    "input_per_mtok" DECIMAL(20,10),
    "output_per_mtok" DECIMAL(20,10),
    "cache_read_per_mtok" DECIMAL(20,10),
    "cache_write_per_mtok" DECIMAL(20,10),
    "cache_write_1h_per_mtok" DECIMAL(20,10),
    "reasoning_per_mtok" DECIMAL(20,10),
    "tiers" JSONB NOT NULL DEFAULT '[]',
    "other_prices" JSONB NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL DEFAULT 'catalog',
    "catalog_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "price_rows_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "price_rows_variant_valid" CHECK ("variant" IN ('standard','batch','flex','priority')),
    CONSTRAINT "price_rows_window_valid" CHECK ("effective_to" IS NULL OR "effective_to" > "effective_from"),
    CONSTRAINT "price_rows_time_of_day_valid" CHECK (("utc_window_start" IS NULL) = ("utc_window_end" IS NULL) AND ("utc_window_start" IS NULL OR ("utc_window_start" BETWEEN 0 AND 86399 AND "utc_window_end" BETWEEN 0 AND 86400))),
    CONSTRAINT "price_rows_prices_nonnegative" CHECK (COALESCE("input_per_mtok",0) >= 0 AND COALESCE("output_per_mtok",0) >= 0 AND COALESCE("cache_read_per_mtok",0) >= 0 AND COALESCE("cache_write_per_mtok",0) >= 0 AND COALESCE("cache_write_1h_per_mtok",0) >= 0 AND COALESCE("reasoning_per_mtok",0) >= 0)
);
CREATE INDEX "price_rows_provider_id_model_id_effective_from_idx" ON "price_rows"("provider_id", "model_id", "effective_from");
ALTER TABLE "price_rows" ADD CONSTRAINT "price_rows_model_fkey" FOREIGN KEY ("provider_id", "model_id") REFERENCES "price_models"("provider_id", "model_id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "price_rows" ADD CONSTRAINT "price_rows_catalog_id_fkey" FOREIGN KEY ("catalog_id") REFERENCES "price_catalogs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A workspace's negotiated terms. discount: percent off list for everything / a provider / a model.
-- custom_price: the workspace's own per-token prices for a model (fine-tune, self-hosted, negotiated
-- rate card). commitment: a fixed amount per month allocated over the covered tokens.
CREATE TABLE "contract_terms" (
    "id" SERIAL NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provider" TEXT,
    "model" TEXT,
    "variant" TEXT,
    "discount_percent" DECIMAL(7,4),
    "input_per_mtok" DECIMAL(20,10),
    "output_per_mtok" DECIMAL(20,10),
    "cache_read_per_mtok" DECIMAL(20,10),
    "cache_write_per_mtok" DECIMAL(20,10),
    "cache_write_1h_per_mtok" DECIMAL(20,10),
    "reasoning_per_mtok" DECIMAL(20,10),
    "tiers" JSONB NOT NULL DEFAULT '[]',
    "monthly_amount_usd" DECIMAL(20,10),
    "effective_from" TIMESTAMPTZ(3) NOT NULL,
    "effective_to" TIMESTAMPTZ(3),
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "contract_terms_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "contract_terms_kind_valid" CHECK ("kind" IN ('discount','custom_price','commitment')),
    CONSTRAINT "contract_terms_variant_valid" CHECK ("variant" IS NULL OR "variant" IN ('standard','batch','flex','priority')),
    CONSTRAINT "contract_terms_window_valid" CHECK ("effective_to" IS NULL OR "effective_to" > "effective_from"),
    CONSTRAINT "contract_terms_discount_valid" CHECK ("kind" <> 'discount' OR ("discount_percent" IS NOT NULL AND "discount_percent" > 0 AND "discount_percent" <= 100)),
    CONSTRAINT "contract_terms_custom_price_valid" CHECK ("kind" <> 'custom_price' OR ("model" IS NOT NULL AND "input_per_mtok" IS NOT NULL AND "output_per_mtok" IS NOT NULL)),
    CONSTRAINT "contract_terms_commitment_valid" CHECK ("kind" <> 'commitment' OR ("provider" IS NOT NULL AND "monthly_amount_usd" IS NOT NULL AND "monthly_amount_usd" >= 0))
);
CREATE INDEX "contract_terms_workspace_id_idx" ON "contract_terms"("workspace_id");
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The per-token rate a commitment came to for one UTC month when it was last allocated (amount /
-- covered tokens). Events ingested later in that month are provisionally costed at this rate until
-- the next allocation run trues them up.
CREATE TABLE "commitment_allocations" (
    "term_id" INTEGER NOT NULL,
    "month" DATE NOT NULL,
    "tokens" BIGINT NOT NULL,
    "amount_usd" DECIMAL(20,10) NOT NULL,
    "usd_per_token" DECIMAL(30,20) NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "commitment_allocations_pkey" PRIMARY KEY ("term_id", "month")
);
ALTER TABLE "commitment_allocations" ADD CONSTRAINT "commitment_allocations_term_id_fkey" FOREIGN KEY ("term_id") REFERENCES "contract_terms"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One re-pricing of a workspace's events in [window_from, window_to): the audit record (who, what,
-- window, events touched, old → new totals) and the progress the job reports.
CREATE TABLE "repricing_runs" (
    "id" SERIAL NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "requested_by_id" INTEGER,
    "reason" TEXT NOT NULL,
    "change" JSONB NOT NULL DEFAULT '{}',
    "window_from" TIMESTAMPTZ(3) NOT NULL,
    "window_to" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "events_total" INTEGER,
    "events_scanned" INTEGER NOT NULL DEFAULT 0,
    "events_touched" INTEGER NOT NULL DEFAULT 0,
    "old_list_total_usd" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "new_list_total_usd" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "old_effective_total_usd" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "new_effective_total_usd" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "cursor_ts" TIMESTAMPTZ(3),
    "cursor_event_id" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "repricing_runs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "repricing_runs_status_valid" CHECK ("status" IN ('queued','running','succeeded','failed')),
    CONSTRAINT "repricing_runs_window_valid" CHECK ("window_to" > "window_from")
);
CREATE INDEX "repricing_runs_workspace_id_created_at_idx" ON "repricing_runs"("workspace_id", "created_at");
ALTER TABLE "repricing_runs" ADD CONSTRAINT "repricing_runs_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "repricing_runs" ADD CONSTRAINT "repricing_runs_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Counters bumped by every statement that changes prices (catalog) or contracts. Pricing caches per
-- process keyed by them, so one cheap read per ingest batch tells any process (app or worker) to reload.
CREATE TABLE "pricing_state" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "catalog_generation" BIGINT NOT NULL DEFAULT 0,
    "contract_generation" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "pricing_state_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "pricing_state_single_row" CHECK ("id" = 1)
);
INSERT INTO "pricing_state" ("id") VALUES (1);

CREATE OR REPLACE FUNCTION "unitscope_bump_pricing_generation"() RETURNS TRIGGER
LANGUAGE plpgsql AS $fn$
BEGIN
    IF TG_ARGV[0] = 'catalog' THEN
        UPDATE "pricing_state" SET "catalog_generation" = "catalog_generation" + 1 WHERE "id" = 1;
    ELSE
        UPDATE "pricing_state" SET "contract_generation" = "contract_generation" + 1 WHERE "id" = 1;
    END IF;
    RETURN NULL;
END
$fn$;

CREATE TRIGGER "price_rows_bump_generation" AFTER INSERT OR UPDATE OR DELETE ON "price_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "unitscope_bump_pricing_generation"('catalog');
CREATE TRIGGER "price_models_bump_generation" AFTER INSERT OR UPDATE OR DELETE ON "price_models"
    FOR EACH STATEMENT EXECUTE FUNCTION "unitscope_bump_pricing_generation"('catalog');
CREATE TRIGGER "price_providers_bump_generation" AFTER INSERT OR UPDATE OR DELETE ON "price_providers"
    FOR EACH STATEMENT EXECUTE FUNCTION "unitscope_bump_pricing_generation"('catalog');
CREATE TRIGGER "contract_terms_bump_generation" AFTER INSERT OR UPDATE OR DELETE ON "contract_terms"
    FOR EACH STATEMENT EXECUTE FUNCTION "unitscope_bump_pricing_generation"('contract');
CREATE TRIGGER "commitment_allocations_bump_generation" AFTER INSERT OR UPDATE OR DELETE ON "commitment_allocations"
    FOR EACH STATEMENT EXECUTE FUNCTION "unitscope_bump_pricing_generation"('contract');

-- Unknown models are rare; a partial index keeps "unknown models with event counts" cheap.
CREATE INDEX "usage_events_unpriced_idx" ON "usage_events"("workspace_id", "provider", "model") WHERE NOT "priced";
