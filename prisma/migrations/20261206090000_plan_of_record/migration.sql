-- One scenario at most is the plan of record: forecasts, budgets, commitment ladders and the weekly
-- report follow it where a plan is needed. The seeded "Europe (plan)" is the first one.
ALTER TABLE "scenario" ADD COLUMN "plan_of_record" BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX "scenario_plan_of_record_key" ON "scenario" ("plan_of_record") WHERE "plan_of_record";
UPDATE "scenario" SET "plan_of_record" = true WHERE "preset_id" = 'europe-plan' AND NOT "archived";
