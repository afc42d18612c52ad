-- Notification channels (e-mail, webhook), subscriptions of budgets and anomaly monitors to them,
-- and the outbox that is also the delivery log.
CREATE TABLE "notification_channel" (
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "addresses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "format" TEXT,
    "url_hint" TEXT,
    "secret_enc" TEXT,
    "has_secret" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_channel_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_channel_type_check" CHECK ("type" IN ('email', 'webhook')),
    CONSTRAINT "notification_channel_format_check" CHECK ("format" IS NULL OR "format" IN ('json', 'slack')),
    CONSTRAINT "notification_channel_shape_check" CHECK (
        ("type" = 'email' AND cardinality("addresses") > 0 AND "secret_enc" IS NULL)
        OR ("type" = 'webhook' AND "secret_enc" IS NOT NULL AND "format" IS NOT NULL))
);
CREATE UNIQUE INDEX "notification_channel_name_key" ON "notification_channel"("name");

CREATE TABLE "notification_subscription" (
    "id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "target_type" TEXT NOT NULL,
    "target_id" UUID NOT NULL,
    "frequency" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_subscription_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_subscription_target_type_check" CHECK ("target_type" IN ('budget', 'anomaly_monitor')),
    CONSTRAINT "notification_subscription_frequency_check" CHECK ("frequency" IN ('immediate', 'daily'))
);
CREATE UNIQUE INDEX "notification_subscription_target_type_target_id_channel_id_key" ON "notification_subscription"("target_type", "target_id", "channel_id");
CREATE INDEX "notification_subscription_channel_id_idx" ON "notification_subscription"("channel_id");
ALTER TABLE "notification_subscription" ADD CONSTRAINT "notification_subscription_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "channel_id" UUID,
    "channel_name" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" UUID,
    "frequency" TEXT NOT NULL DEFAULT 'immediate',
    "subject" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),
    "delivered_to" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "last_error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_kind_check" CHECK ("kind" IN ('budget_threshold', 'anomaly', 'test')),
    CONSTRAINT "notification_status_check" CHECK ("status" IN ('pending', 'sent', 'retrying', 'failed', 'abandoned')),
    CONSTRAINT "notification_frequency_check" CHECK ("frequency" IN ('immediate', 'daily')),
    CONSTRAINT "notification_attempts_check" CHECK ("attempts" >= 0)
);
CREATE UNIQUE INDEX "notification_channel_id_dedupe_key_key" ON "notification"("channel_id", "dedupe_key");
CREATE INDEX "notification_status_next_attempt_at_idx" ON "notification"("status", "next_attempt_at");
CREATE INDEX "notification_created_at_idx" ON "notification"("created_at");
ALTER TABLE "notification" ADD CONSTRAINT "notification_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channel"("id") ON DELETE SET NULL ON UPDATE CASCADE;
