-- Anomaly detection: monitors (one per dimension value of cost_daily, plus saved scopes), the
-- anomalies they found, the channels that subscribe to them, and an outbox of alerts to send once.
CREATE TABLE "anomaly_monitor" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    -- total, provider, service, account, region: made from cost_daily's dimensions; custom: a saved scope
    "kind" TEXT NOT NULL,
    -- the dimension's key as the costs API gives it ("total", "AWS", "AWS:Amazon EC2"); a custom monitor's id
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    -- costs API filters {provider?, service?, region?, account?, category?}
    "scope" JSONB NOT NULL DEFAULT '{}',
    "min_percent" DECIMAL(9,4) NOT NULL DEFAULT 20,
    "min_amount" DECIMAL(30,12) NOT NULL DEFAULT 20,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'EUR',
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "anomaly_monitor_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "anomaly_monitor_kind_check" CHECK ("kind" IN ('total', 'provider', 'service', 'account', 'region', 'custom')),
    CONSTRAINT "anomaly_monitor_thresholds_check" CHECK ("min_percent" >= 0 AND "min_amount" >= 0)
);
CREATE UNIQUE INDEX "anomaly_monitor_kind_key_key" ON "anomaly_monitor"("kind", "key");

-- channel_id refers to the notification channels (their table arrives with the notifications)
CREATE TABLE "anomaly_monitor_subscription" (
    "monitor_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "frequency" TEXT NOT NULL DEFAULT 'immediate',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "anomaly_monitor_subscription_pkey" PRIMARY KEY ("monitor_id", "channel_id"),
    CONSTRAINT "anomaly_monitor_subscription_frequency_check" CHECK ("frequency" IN ('immediate', 'daily')),
    CONSTRAINT "anomaly_monitor_subscription_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "anomaly_monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "anomaly" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "monitor_id" UUID NOT NULL,
    "start_day" DATE NOT NULL,
    "end_day" DATE NOT NULL,
    "direction" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "expected" DECIMAL(30,12) NOT NULL,
    "actual" DECIMAL(30,12) NOT NULL,
    "impact" DECIMAL(30,12) NOT NULL,
    "impact_percent" DECIMAL(30,12),
    "score" DOUBLE PRECISION NOT NULL,
    -- [{key, label, expected, actual, impact, share}] of the next dimension down, ranked by impact
    "contributions" JSONB NOT NULL DEFAULT '[]',
    "contribution_dimension" TEXT,
    "provisional" BOOLEAN NOT NULL DEFAULT false,
    "ongoing" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'open',
    "note" TEXT,
    "status_changed_by" TEXT,
    "status_changed_at" TIMESTAMPTZ(3),
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "anomaly_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "anomaly_direction_check" CHECK ("direction" IN ('increase', 'decrease')),
    CONSTRAINT "anomaly_status_check" CHECK ("status" IN ('open', 'acknowledged', 'expected', 'false_positive')),
    CONSTRAINT "anomaly_days_check" CHECK ("start_day" <= "end_day"),
    CONSTRAINT "anomaly_monitor_id_fkey" FOREIGN KEY ("monitor_id") REFERENCES "anomaly_monitor"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "anomaly_monitor_id_start_day_key" ON "anomaly"("monitor_id", "start_day");
CREATE INDEX "anomaly_end_day_idx" ON "anomaly"("end_day");

-- One row per alert to send (an anomaly found, its impact doubled): the notifications send each once.
CREATE TABLE "anomaly_alert" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "anomaly_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "impact" DECIMAL(30,12) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMPTZ(3),

    CONSTRAINT "anomaly_alert_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "anomaly_alert_reason_check" CHECK ("reason" IN ('found', 'impact_doubled')),
    CONSTRAINT "anomaly_alert_anomaly_id_fkey" FOREIGN KEY ("anomaly_id") REFERENCES "anomaly"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "anomaly_alert_anomaly_id_reason_key" ON "anomaly_alert"("anomaly_id", "reason");
CREATE INDEX "anomaly_alert_pending_idx" ON "anomaly_alert"("created_at") WHERE "processed_at" IS NULL;

-- Unit costs: named daily business series (active users, requests…) that costs are divided by.
CREATE TABLE "business_metric" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    -- a slug, the metric's name in the API: active-users, requests
    "name" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    -- what one unit is (user, request): "cost per <unit>"
    "unit" TEXT NOT NULL,
    -- unit costs are shown per this many units (1 user, 1,000,000 requests)
    "per" INTEGER NOT NULL DEFAULT 1,
    -- how a month is made of days: sum (requests: a month's count) or average (active users: a typical day)
    "aggregation" TEXT NOT NULL DEFAULT 'sum',
    "source" TEXT NOT NULL DEFAULT 'manual',
    "connection_id" UUID,
    "query" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_metric_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "business_metric_source_check" CHECK ("source" IN ('manual', 'prometheus')),
    CONSTRAINT "business_metric_per_check" CHECK ("per" >= 1),
    CONSTRAINT "business_metric_aggregation_check" CHECK ("aggregation" IN ('sum', 'average')),
    CONSTRAINT "business_metric_prometheus_check" CHECK ("source" <> 'prometheus' OR "query" IS NOT NULL),
    CONSTRAINT "business_metric_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "connection"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "business_metric_name_key" ON "business_metric"("name");

CREATE TABLE "business_metric_point" (
    "metric_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "value" DECIMAL(30,6) NOT NULL,
    -- manual, csv, api, prometheus, demo
    "source" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "business_metric_point_pkey" PRIMARY KEY ("metric_id", "day"),
    CONSTRAINT "business_metric_point_value_check" CHECK ("value" >= 0),
    CONSTRAINT "business_metric_point_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "business_metric"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
