-- Alerts (issue 12): notification channels, monitors (metric rules), alert episodes with their
-- transition history, and silences. State changes and their outbox rows commit together
-- (lib/alerts/apply-outcomes.ts); everything here is per workspace and cascades with it.

-- A place notifications go. `config` is what may be shown again (e.g. e-mail recipients, a URL's host);
-- `secret_config` holds what must never leave the server after creation (webhook signing secrets,
-- Slack URLs, PagerDuty routing keys). A channel answering 410 Gone is disabled (disabled_reason).
CREATE TABLE "alert_channels" (
    "id" SERIAL NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secret_config" JSONB NOT NULL DEFAULT '{}',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "disabled_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alert_channels_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_channels_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "alert_channels_name_valid" CHECK (length("name") BETWEEN 1 AND 200)
);
CREATE INDEX "alert_channels_workspace_id_idx" ON "alert_channels"("workspace_id");

-- A metric rule over the metrics engine: measure, filters and grouping as in the metrics query,
-- evaluated over [now - window, now) every evaluation period.
CREATE TABLE "monitors" (
    "id" SERIAL NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "measure" TEXT NOT NULL,
    "filters" JSONB NOT NULL DEFAULT '{}',
    "group_by" TEXT[] NOT NULL DEFAULT '{}',
    "window_seconds" INTEGER NOT NULL,
    "operator" TEXT NOT NULL,
    "alert_threshold" NUMERIC NOT NULL,
    "warning_threshold" NUMERIC,
    "min_requests" INTEGER NOT NULL DEFAULT 0,
    "for_evaluations" INTEGER NOT NULL DEFAULT 1,
    "no_data" TEXT NOT NULL DEFAULT 'keep',
    "renotify_minutes" INTEGER NOT NULL DEFAULT 0,
    "last_evaluated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "monitors_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "monitors_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "monitors_operator_valid" CHECK ("operator" IN ('gt', 'gte', 'lt', 'lte')),
    CONSTRAINT "monitors_no_data_valid" CHECK ("no_data" IN ('ok', 'keep', 'alert')),
    CONSTRAINT "monitors_numbers_valid" CHECK ("window_seconds" > 0 AND "min_requests" >= 0 AND "for_evaluations" >= 1 AND "renotify_minutes" >= 0)
);
CREATE INDEX "monitors_workspace_id_idx" ON "monitors"("workspace_id");

CREATE TABLE "monitor_channels" (
    "monitor_id" INTEGER NOT NULL,
    "channel_id" INTEGER NOT NULL,
    CONSTRAINT "monitor_channels_pkey" PRIMARY KEY ("monitor_id", "channel_id"),
    CONSTRAINT "monitor_channels_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "monitors"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "monitor_channels_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "alert_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "monitor_channels_channel_id_idx" ON "monitor_channels"("channel_id");

-- One row per (rule, group) episode: opened by the first breach (pending/warning/firing/no_data), closed
-- when resolved (or back to ok from pending). At most one open episode per (rule, group): the partial
-- unique index. dedup_key is stable per (rule, group) across episodes and renotifications.
-- streak = consecutive evaluations counting toward the next damped change (lib/alerts/transition.ts).
CREATE TABLE "alerts" (
    "id" SERIAL NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "rule_kind" TEXT NOT NULL,
    "rule_id" INTEGER NOT NULL,
    "group_key" TEXT NOT NULL,
    "group" JSONB NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "value" TEXT,
    "threshold" TEXT NOT NULL,
    "streak" INTEGER NOT NULL DEFAULT 0,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "dedup_key" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "last_evaluated_at" TIMESTAMPTZ(3) NOT NULL,
    "last_notified_at" TIMESTAMPTZ(3),
    "acknowledged_at" TIMESTAMPTZ(3),
    "acknowledged_by" TEXT,
    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alerts_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "alerts_state_valid" CHECK ("state" IN ('ok', 'pending', 'warning', 'firing', 'resolved', 'no_data')),
    CONSTRAINT "alerts_severity_valid" CHECK ("severity" IN ('warning', 'critical')),
    CONSTRAINT "alerts_dedup_key_valid" CHECK (length("dedup_key") BETWEEN 1 AND 255)
);
CREATE UNIQUE INDEX "alerts_open_per_group_key" ON "alerts"("rule_kind", "rule_id", "group_key") WHERE "open";
CREATE INDEX "alerts_workspace_id_started_at_idx" ON "alerts"("workspace_id", "started_at" DESC);

-- Every change of an alert (and every renotification): the alert's history. notification names the
-- event emitted (NULL: none); suppressed = a silence held it back (state kept, nothing sent).
CREATE TABLE "alert_transitions" (
    "id" BIGSERIAL NOT NULL,
    "alert_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "from_state" TEXT NOT NULL,
    "to_state" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "value" TEXT,
    "notification" TEXT,
    "suppressed" BOOLEAN NOT NULL DEFAULT false,
    "actor" TEXT,
    CONSTRAINT "alert_transitions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_transitions_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "alert_transitions_alert_id_at_idx" ON "alert_transitions"("alert_id", "at");

-- A silence: notifications of matching alerts are held back until `until` (state and history are kept).
-- Matches when every given matcher matches: rule (kind + id) if set, and each group value in `group`.
CREATE TABLE "alert_silences" (
    "id" SERIAL NOT NULL,
    "workspace_id" INTEGER NOT NULL,
    "rule_kind" TEXT,
    "rule_id" INTEGER,
    "group" JSONB NOT NULL DEFAULT '{}',
    "until" TIMESTAMPTZ(3) NOT NULL,
    "comment" TEXT,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "alert_silences_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "alert_silences_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "alert_silences_workspace_id_until_idx" ON "alert_silences"("workspace_id", "until");
