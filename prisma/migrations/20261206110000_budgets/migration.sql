-- Budgets, their thresholds, the history of their periods, threshold states per period, the alarms raised
-- (once per threshold and period) and the channels subscribed to them.
CREATE TABLE "budget" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scope" JSONB NOT NULL DEFAULT '{}',
    "period" TEXT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "amount_kind" TEXT NOT NULL,
    "amount" DECIMAL(20,2),
    "amounts" JSONB NOT NULL DEFAULT '[]',
    "auto_periods" INTEGER,
    "scenario_id" UUID,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "budget_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "budget_period_check" CHECK ("period" IN ('month', 'quarter', 'year')),
    CONSTRAINT "budget_amount_kind_check" CHECK (
      ("amount_kind" = 'fixed' AND "amount" IS NOT NULL AND "amount" > 0) OR
      ("amount_kind" = 'planned' AND jsonb_typeof("amounts") = 'array') OR
      ("amount_kind" = 'auto' AND "auto_periods" >= 1) OR
      ("amount_kind" = 'scenario'))
);
CREATE UNIQUE INDEX "budget_name_key" ON "budget"("name");

CREATE TABLE "budget_threshold" (
    "id" UUID NOT NULL,
    "budget_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "on" TEXT NOT NULL,
    "percent" DECIMAL(7,2),
    "amount" DECIMAL(20,2),
    CONSTRAINT "budget_threshold_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "budget_threshold_on_check" CHECK ("on" IN ('actual', 'forecast')),
    CONSTRAINT "budget_threshold_one_check" CHECK (("percent" IS NULL) <> ("amount" IS NULL))
);
CREATE INDEX "budget_threshold_budget_id_position_idx" ON "budget_threshold"("budget_id", "position");

CREATE TABLE "budget_period" (
    "budget_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "start_day" DATE NOT NULL,
    "end_day" DATE NOT NULL,
    "amount" DECIMAL(20,2),
    "actual" DECIMAL(20,2) NOT NULL,
    "forecast" DECIMAL(20,2),
    "forecast_lower" DECIMAL(20,2),
    "forecast_upper" DECIMAL(20,2),
    "state" TEXT NOT NULL,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "evaluated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "budget_period_pkey" PRIMARY KEY ("budget_id","period_key")
);

CREATE TABLE "budget_threshold_state" (
    "threshold_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "limit" DECIMAL(20,2),
    "value" DECIMAL(20,2),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "budget_threshold_state_pkey" PRIMARY KEY ("threshold_id","period_key")
);

CREATE TABLE "budget_alarm" (
    "id" UUID NOT NULL,
    "budget_id" UUID NOT NULL,
    "threshold_id" UUID NOT NULL,
    "period_key" TEXT NOT NULL,
    "on" TEXT NOT NULL,
    "limit" DECIMAL(20,2) NOT NULL,
    "value" DECIMAL(20,2) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notified_at" TIMESTAMPTZ(3),
    CONSTRAINT "budget_alarm_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "budget_alarm_threshold_id_period_key_key" ON "budget_alarm"("threshold_id", "period_key");
CREATE INDEX "budget_alarm_notified_at_raised_at_idx" ON "budget_alarm"("notified_at", "raised_at");

CREATE TABLE "budget_subscription" (
    "budget_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "frequency" TEXT NOT NULL,
    CONSTRAINT "budget_subscription_pkey" PRIMARY KEY ("budget_id","channel_id"),
    CONSTRAINT "budget_subscription_frequency_check" CHECK ("frequency" IN ('immediate', 'daily'))
);

ALTER TABLE "budget_threshold" ADD CONSTRAINT "budget_threshold_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "budget_period" ADD CONSTRAINT "budget_period_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "budget_threshold_state" ADD CONSTRAINT "budget_threshold_state_threshold_id_fkey" FOREIGN KEY ("threshold_id") REFERENCES "budget_threshold"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "budget_alarm" ADD CONSTRAINT "budget_alarm_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "budget_alarm" ADD CONSTRAINT "budget_alarm_threshold_id_fkey" FOREIGN KEY ("threshold_id") REFERENCES "budget_threshold"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "budget_subscription" ADD CONSTRAINT "budget_subscription_budget_id_fkey" FOREIGN KEY ("budget_id") REFERENCES "budget"("id") ON DELETE CASCADE ON UPDATE CASCADE;
