-- API keys get a third scope, `manage` (monitors, SLOs, budgets and contracts as code; never keys or
-- members). What each scope grants lives in lib/auth/key-scope-permissions.ts; the database only keeps
-- the scope names valid.
ALTER TABLE "api_keys" DROP CONSTRAINT "api_keys_scopes_valid";
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scopes_valid"
  CHECK ("scopes" <@ ARRAY['ingest','read','manage']::TEXT[] AND cardinality("scopes") > 0);

-- A change made by an API key is attributed to the key (at most one of user and key is set). Keys are
-- revoked, not deleted, so the attribution stays; SET NULL covers the workspace's deletion order.
ALTER TABLE "contract_terms" ADD COLUMN "created_by_key_id" INTEGER;
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_created_by_key_id_fkey" FOREIGN KEY ("created_by_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "contract_terms" ADD CONSTRAINT "contract_terms_one_author" CHECK ("created_by_id" IS NULL OR "created_by_key_id" IS NULL);

ALTER TABLE "repricing_runs" ADD COLUMN "requested_by_key_id" INTEGER;
ALTER TABLE "repricing_runs" ADD CONSTRAINT "repricing_runs_requested_by_key_id_fkey" FOREIGN KEY ("requested_by_key_id") REFERENCES "api_keys"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "repricing_runs" ADD CONSTRAINT "repricing_runs_one_author" CHECK ("requested_by_id" IS NULL OR "requested_by_key_id" IS NULL);
