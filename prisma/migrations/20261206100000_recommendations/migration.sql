-- Recommendations keyed by their fingerprint (rule, resource, action), with their lifecycle, and one row per refresh.
CREATE TABLE "recommendation_run" (
    "id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "actor" TEXT,
    "status" TEXT NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "reopened" INTEGER NOT NULL DEFAULT 0,
    "retired" INTEGER NOT NULL DEFAULT 0,
    "currency" VARCHAR(3) NOT NULL,
    "error" TEXT,
    "rules" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "recommendation_run_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recommendation_run_status_check" CHECK ("status" IN ('running', 'succeeded', 'failed'))
);
CREATE INDEX "recommendation_run_started_at_idx" ON "recommendation_run"("started_at");

CREATE TABLE "recommendation" (
    "id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "rule_version" INTEGER NOT NULL,
    "provider" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "resource_name" TEXT NOT NULL,
    "action_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "currency" VARCHAR(3),
    "monthly_savings_p10" DECIMAL(30,12),
    "monthly_savings_p50" DECIMAL(30,12),
    "monthly_savings_p90" DECIMAL(30,12),
    "status" TEXT NOT NULL DEFAULT 'open',
    "status_reason" TEXT,
    "snoozed_until" TIMESTAMPTZ(3),
    "status_changed_at" TIMESTAMPTZ(3),
    "status_changed_by" TEXT,
    "dismissed_savings" DECIMAL(30,12),
    "implemented_at" TIMESTAMPTZ(3),
    "current" BOOLEAN NOT NULL DEFAULT true,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_run_id" UUID,

    CONSTRAINT "recommendation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "recommendation_status_check" CHECK ("status" IN ('open', 'accepted', 'dismissed', 'snoozed', 'implemented')),
    CONSTRAINT "recommendation_snooze_check" CHECK ("status" <> 'snoozed' OR "snoozed_until" IS NOT NULL),
    CONSTRAINT "recommendation_last_run_id_fkey" FOREIGN KEY ("last_run_id") REFERENCES "recommendation_run"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "recommendation_fingerprint_key" ON "recommendation"("fingerprint");
CREATE INDEX "recommendation_status_kind_idx" ON "recommendation"("status", "kind");
