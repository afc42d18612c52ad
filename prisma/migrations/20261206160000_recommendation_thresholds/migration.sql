-- Overrides of the recommendation rules' thresholds (lib/recommendations/thresholds.ts), one row per
-- overridden threshold; no row means the constant's default. Ranges are checked by the application
-- (threshold-settings.ts) before a row is written, and again before a rule reads it.
CREATE TABLE "recommendation_threshold" (
    "threshold_id" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "updated_by_type" TEXT NOT NULL,
    "updated_by_id" TEXT,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "recommendation_threshold_pkey" PRIMARY KEY ("threshold_id"),
    CONSTRAINT "recommendation_threshold_value_check" CHECK ("value" = "value" AND "value" NOT IN ('Infinity'::float8, '-Infinity'::float8))
);
