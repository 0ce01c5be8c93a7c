CREATE TABLE "application_status_totals" (
	"status" text NOT NULL,
	"slot" integer NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "application_status_totals_status_slot_pk" PRIMARY KEY("status","slot")
);
--> statement-breakpoint
-- half-empty pages let each counter update stay on its page (HOT), as for application_status_counts
ALTER TABLE "application_status_totals" SET (fillfactor = 50);
--> statement-breakpoint
-- the trigger of migration 0005 now keeps both: per measure and over all measures, each in a slot picked at random
CREATE OR REPLACE FUNCTION klaster_count_application_status() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  chosen_slot integer := floor(random() * 8)::integer;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO application_status_counts (measure_id, status, slot, n) VALUES (OLD.measure_id, OLD.status, chosen_slot, -1)
      ON CONFLICT (measure_id, status, slot) DO UPDATE SET n = application_status_counts.n - 1;
    IF TG_OP = 'DELETE' OR OLD.status IS DISTINCT FROM NEW.status THEN
      INSERT INTO application_status_totals (status, slot, n) VALUES (OLD.status, chosen_slot, -1)
        ON CONFLICT (status, slot) DO UPDATE SET n = application_status_totals.n - 1;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO application_status_counts (measure_id, status, slot, n) VALUES (NEW.measure_id, NEW.status, chosen_slot, 1)
      ON CONFLICT (measure_id, status, slot) DO UPDATE SET n = application_status_counts.n + 1;
    IF TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status THEN
      INSERT INTO application_status_totals (status, slot, n) VALUES (NEW.status, chosen_slot, 1)
        ON CONFLICT (status, slot) DO UPDATE SET n = application_status_totals.n + 1;
    END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO application_status_totals (status, slot, n)
  SELECT status, 0, sum(n) FROM application_status_counts GROUP BY status;
