-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" TEXT NOT NULL DEFAULT 'viewer',
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "actor_label" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "connection" (
    "id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "credentials_enc" TEXT,
    "credentials_hint" JSONB NOT NULL DEFAULT '{}',
    "sync_cron" TEXT NOT NULL DEFAULT '0 */6 * * *',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_run" (
    "id" UUID NOT NULL,
    "connection_id" UUID,
    "kind" TEXT NOT NULL DEFAULT 'sync',
    "source" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3),
    "window_end" TIMESTAMPTZ(3),
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "status" TEXT NOT NULL DEFAULT 'running',
    "rows_inserted" INTEGER NOT NULL DEFAULT 0,
    "rows_updated" INTEGER NOT NULL DEFAULT 0,
    "rows_unchanged" INTEGER NOT NULL DEFAULT 0,
    "rows_refused" INTEGER NOT NULL DEFAULT 0,
    "api_requests" INTEGER NOT NULL DEFAULT 0,
    "api_cost" DECIMAL(30,12) NOT NULL DEFAULT 0,
    "api_cost_currency" TEXT NOT NULL DEFAULT 'USD',
    "error" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "sync_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cost_record" (
    "natural_key" TEXT NOT NULL,
    "charge_period_start" TIMESTAMPTZ(3) NOT NULL,
    "charge_period_end" TIMESTAMPTZ(3) NOT NULL,
    "billing_period_start" TIMESTAMPTZ(3) NOT NULL,
    "billing_period_end" TIMESTAMPTZ(3) NOT NULL,
    "billed_cost" DECIMAL(30,12) NOT NULL,
    "effective_cost" DECIMAL(30,12) NOT NULL,
    "list_cost" DECIMAL(30,12) NOT NULL,
    "contracted_cost" DECIMAL(30,12),
    "billing_currency" VARCHAR(3) NOT NULL,
    "billing_account_id" TEXT NOT NULL,
    "billing_account_name" TEXT,
    "sub_account_id" TEXT,
    "sub_account_name" TEXT,
    "charge_category" TEXT NOT NULL,
    "charge_class" TEXT,
    "charge_description" TEXT,
    "charge_frequency" TEXT,
    "provider_name" TEXT NOT NULL,
    "publisher_name" TEXT,
    "invoice_issuer_name" TEXT,
    "service_name" TEXT,
    "service_category" TEXT,
    "region_id" TEXT,
    "region_name" TEXT,
    "availability_zone" TEXT,
    "resource_id" TEXT,
    "resource_name" TEXT,
    "resource_type" TEXT,
    "sku_id" TEXT,
    "sku_price_id" TEXT,
    "pricing_category" TEXT,
    "pricing_quantity" DECIMAL(30,12),
    "pricing_unit" TEXT,
    "list_unit_price" DECIMAL(30,12),
    "contracted_unit_price" DECIMAL(30,12),
    "consumed_quantity" DECIMAL(30,12),
    "consumed_unit" TEXT,
    "commitment_discount_id" TEXT,
    "commitment_discount_category" TEXT,
    "commitment_discount_type" TEXT,
    "commitment_discount_status" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL,
    "is_estimated" BOOLEAN NOT NULL DEFAULT false,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cost_record_pkey" PRIMARY KEY ("natural_key","charge_period_start")
) PARTITION BY RANGE ("charge_period_start");

-- CreateTable
CREATE TABLE "cost_daily" (
    "day" DATE NOT NULL,
    "provider_name" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "service_category" TEXT NOT NULL,
    "region_id" TEXT NOT NULL,
    "sub_account_id" TEXT NOT NULL,
    "sub_account_name" TEXT NOT NULL,
    "billing_currency" VARCHAR(3) NOT NULL,
    "billed_cost" DECIMAL(30,12) NOT NULL,
    "effective_cost" DECIMAL(30,12) NOT NULL,
    "list_cost" DECIMAL(30,12) NOT NULL,
    "record_count" INTEGER NOT NULL,

    CONSTRAINT "cost_daily_pkey" PRIMARY KEY ("day","provider_name","service_name","region_id","sub_account_id","billing_currency")
);

-- CreateTable
CREATE TABLE "fx_rate" (
    "date" DATE NOT NULL,
    "base" VARCHAR(3) NOT NULL,
    "quote" VARCHAR(3) NOT NULL,
    "rate" DECIMAL(24,12) NOT NULL,
    "source" TEXT NOT NULL DEFAULT 'manual',

    CONSTRAINT "fx_rate_pkey" PRIMARY KEY ("base","quote","date")
);

-- CreateTable
CREATE TABLE "resource" (
    "id" UUID NOT NULL,
    "connection_id" UUID,
    "provider" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT,
    "size" TEXT,
    "capacity" JSONB NOT NULL DEFAULT '{}',
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "source" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "utilization_sample" (
    "resource_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "ts" TIMESTAMPTZ(3) NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "utilization_sample_pkey" PRIMARY KEY ("resource_id","metric","ts")
);

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "audit_log_at_idx" ON "audit_log"("at");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE UNIQUE INDEX "connection_name_key" ON "connection"("name");

-- CreateIndex
CREATE INDEX "sync_run_connection_id_started_at_idx" ON "sync_run"("connection_id", "started_at");

-- CreateIndex
CREATE INDEX "cost_record_charge_period_start_idx" ON "cost_record"("charge_period_start");

-- CreateIndex
CREATE INDEX "cost_daily_day_idx" ON "cost_daily"("day");

-- CreateIndex
CREATE UNIQUE INDEX "resource_provider_external_id_key" ON "resource"("provider", "external_id");

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_run" ADD CONSTRAINT "sync_run_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "resource" ADD CONSTRAINT "resource_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "utilization_sample" ADD CONSTRAINT "utilization_sample_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- cost_record is partitioned by calendar month (UTC) of charge_period_start. Ingestion calls
-- ensure_cost_partitions for the months it writes; this keeps months out of a default partition.
CREATE OR REPLACE FUNCTION ensure_cost_partitions(from_ts timestamptz, to_ts timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', from_ts AT TIME ZONE 'UTC')::date;
  last date := date_trunc('month', to_ts AT TIME ZONE 'UTC')::date;
  made integer := 0;
  part text;
BEGIN
  WHILE m <= last LOOP
    part := format('cost_record_%s', to_char(m, 'YYYY_MM'));
    IF to_regclass(part) IS NULL THEN
      EXECUTE format(
        'CREATE TABLE IF NOT EXISTS %I PARTITION OF cost_record FOR VALUES FROM (%L) TO (%L)',
        part, (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
      made := made + 1;
    END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END;
$$;

-- CreateTable
CREATE TABLE "provider_insight" (
    "connection_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "period_start" TIMESTAMPTZ(3),
    "period_end" TIMESTAMPTZ(3),
    "payload" JSONB NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_insight_pkey" PRIMARY KEY ("connection_id","kind","key")
);

-- AddForeignKey
ALTER TABLE "provider_insight" ADD CONSTRAINT "provider_insight_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
