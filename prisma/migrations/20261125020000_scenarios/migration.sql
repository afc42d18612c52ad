-- Scenarios with their versions, and the price catalogue with its history (lib/scenarios).
-- The presets and the default catalogue are inserted by ensurePlanningSeed() at start, not here,
-- so that they come from the same TypeScript the model uses.

-- CreateTable
CREATE TABLE "scenario" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "drivers" JSONB NOT NULL,
    "coefficients" JSONB NOT NULL DEFAULT '{}',
    "options" JSONB NOT NULL DEFAULT '{}',
    "timeline" JSONB NOT NULL DEFAULT '{}',
    "preset_id" TEXT,
    "reference" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scenario_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scenario_version" (
    "scenario_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "changed_by" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "scenario_version_pkey" PRIMARY KEY ("scenario_id","version")
);

-- CreateTable
CREATE TABLE "price_item" (
    "id" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT,
    "currency" VARCHAR(3) NOT NULL,
    "unit" TEXT NOT NULL,
    "unit_price" DECIMAL(30,12) NOT NULL,
    "effective_date" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "estimate" BOOLEAN NOT NULL,
    "tier" JSONB,
    "included_quantity" DOUBLE PRECISION,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "price_item_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "price_item_history" (
    "id" BIGSERIAL NOT NULL,
    "price_item_id" TEXT NOT NULL,
    "changed_by" TEXT,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "old" JSONB NOT NULL,
    "new" JSONB NOT NULL,
    "note" TEXT,

    CONSTRAINT "price_item_history_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "scenario_name_key" ON "scenario"("name");

-- CreateIndex
CREATE UNIQUE INDEX "scenario_preset_id_key" ON "scenario"("preset_id");

-- CreateIndex
CREATE INDEX "scenario_archived_name_idx" ON "scenario"("archived", "name");

-- CreateIndex
CREATE INDEX "price_item_sku_idx" ON "price_item"("sku");

-- CreateIndex
CREATE INDEX "price_item_history_price_item_id_changed_at_idx" ON "price_item_history"("price_item_id", "changed_at");

-- AddForeignKey
ALTER TABLE "scenario_version" ADD CONSTRAINT "scenario_version_scenario_id_fkey" FOREIGN KEY ("scenario_id") REFERENCES "scenario"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "price_item_history" ADD CONSTRAINT "price_item_history_price_item_id_fkey" FOREIGN KEY ("price_item_id") REFERENCES "price_item"("id") ON DELETE CASCADE ON UPDATE CASCADE;
