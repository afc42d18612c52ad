-- Explicit choices of the resource class a service's costs count under, plan against actual.
CREATE TABLE "cost_class_rule" (
    "provider_name" TEXT NOT NULL,
    "service_name" TEXT NOT NULL,
    "service_category" TEXT NOT NULL DEFAULT '',
    "resource_class" TEXT NOT NULL,
    "updated_by" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "cost_class_rule_pkey" PRIMARY KEY ("provider_name","service_name","service_category"),
    CONSTRAINT "cost_class_rule_resource_class_check" CHECK ("resource_class" IN ('application', 'atlas', 'redis', 'cdn', 'objectStorage', 'monitoring', 'unmapped'))
);
