-- Hourly rollup of utilization_sample, kept current by ingestion (lib/ingestion/refresh-utilization-hourly.ts).

-- CreateTable
CREATE TABLE "utilization_hourly" (
    "resource_id" UUID NOT NULL,
    "metric" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "unit" TEXT NOT NULL,
    "min" DOUBLE PRECISION NOT NULL,
    "max" DOUBLE PRECISION NOT NULL,
    "avg" DOUBLE PRECISION NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL,
    "count" INTEGER NOT NULL,
    "last" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "utilization_hourly_pkey" PRIMARY KEY ("resource_id","metric","hour")
);

-- AddForeignKey
ALTER TABLE "utilization_hourly" ADD CONSTRAINT "utilization_hourly_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill from the samples already stored (hours are UTC hours).
INSERT INTO "utilization_hourly" ("resource_id", "metric", "hour", "unit", "min", "max", "avg", "sum", "count", "last")
SELECT "resource_id", "metric", date_trunc('hour', "ts", 'UTC'),
       (array_agg("unit" ORDER BY "ts" DESC))[1],
       min("value"), max("value"), avg("value"), sum("value"), count(*)::int,
       (array_agg("value" ORDER BY "ts" DESC))[1]
  FROM "utilization_sample"
 GROUP BY 1, 2, 3;
