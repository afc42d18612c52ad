-- The weekly report: its schedules and the delivery log that makes each send happen once.
CREATE TABLE "report_schedule" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "cron" TEXT NOT NULL DEFAULT '0 8 * * 1',
    "time_zone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "recipients" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "roles" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "unsubscribed" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "scope" JSONB NOT NULL DEFAULT '{}',
    "locale" TEXT NOT NULL DEFAULT 'fr-FR',
    "currency" VARCHAR(3) NOT NULL DEFAULT 'EUR',
    "attach_csv" BOOLEAN NOT NULL DEFAULT false,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "last_occurrence_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "report_schedule_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "report_schedule_name_key" ON "report_schedule"("name");

CREATE TABLE "report_delivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "schedule_id" UUID,
    "schedule_name" TEXT NOT NULL,
    "week" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "run_key" TEXT NOT NULL DEFAULT 'scheduled',
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "message_id" TEXT,
    "error" TEXT,
    "size_bytes" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "report_delivery_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "report_delivery_status_check" CHECK ("status" IN ('sending', 'sent', 'retrying', 'failed'))
);
-- NULLS NOT DISTINCT: sends without a schedule (the CLI's default content) are unique per run too
CREATE UNIQUE INDEX "report_delivery_schedule_id_week_recipient_run_key_key" ON "report_delivery"("schedule_id", "week", "recipient", "run_key") NULLS NOT DISTINCT;
CREATE INDEX "report_delivery_created_at_idx" ON "report_delivery"("created_at");

ALTER TABLE "report_delivery" ADD CONSTRAINT "report_delivery_schedule_id_fkey" FOREIGN KEY ("schedule_id") REFERENCES "report_schedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;
