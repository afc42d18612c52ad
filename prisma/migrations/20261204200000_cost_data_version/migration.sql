-- The version of what the cost readers read (cost_daily and fx_rate): every transaction that
-- writes either leaves one row here, from a statement trigger, so no writer can forget it. Readers
-- cache their answers under (sum(weight), max(txid)), which changes with every such commit, a late
-- commit of an older transaction included (the sum grows), whichever instance made it. Each
-- transaction inserts its own key, so concurrent writers never wait on one another here. A daily
-- job folds old rows into one of the same total weight.
CREATE TABLE "data_change" (
    "txid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "weight" BIGINT NOT NULL DEFAULT 1,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),

    CONSTRAINT "data_change_pkey" PRIMARY KEY ("txid")
);

CREATE FUNCTION "note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_change (txid) VALUES (pg_current_xact_id()) ON CONFLICT (txid) DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "cost_daily_data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "cost_daily"
    FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
CREATE TRIGGER "fx_rate_data_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "fx_rate"
    FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();

INSERT INTO "data_change" DEFAULT VALUES;
