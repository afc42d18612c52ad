-- The forecast reads recurring and one-time charges (FOCUS ChargeFrequency) apart from usage, to forecast them by
-- their calendar. cost_daily does not keep ChargeFrequency; those charges are few (a fee a month per service), so
-- a partial index over them keeps their read proportional to their number instead of a scan of cost_record.
CREATE INDEX "cost_record_calendar_charges_idx" ON "cost_record" ("charge_period_start")
  WHERE "charge_frequency" IN ('Recurring', 'One-Time');
