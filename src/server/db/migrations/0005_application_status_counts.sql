CREATE TABLE "application_status_counts" (
	"measure_id" uuid NOT NULL,
	"status" text NOT NULL,
	"slot" integer NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "application_status_counts_measure_id_status_slot_pk" PRIMARY KEY("measure_id","status","slot")
);
--> statement-breakpoint
-- half-empty pages let each counter update stay on its page (HOT) and be pruned without a vacuum
ALTER TABLE "application_status_counts" SET (fillfactor = 50);
--> statement-breakpoint
DROP INDEX "applications_status_created_idx";--> statement-breakpoint
ALTER TABLE "application_status_counts" ADD CONSTRAINT "application_status_counts_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_created_idx" ON "applications" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "applications_status_created_idx" ON "applications" USING btree ("status","created_at","id");--> statement-breakpoint
-- Keeps application_status_counts in step with every insert, status change and delete, whoever writes the row
-- (the service, the demo seed, a bulk import). Eight slots per (measure, status): see the table's comment.
CREATE FUNCTION klaster_count_application_status() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  chosen_slot integer := floor(random() * 8)::integer;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO application_status_counts (measure_id, status, slot, n) VALUES (OLD.measure_id, OLD.status, chosen_slot, -1)
      ON CONFLICT (measure_id, status, slot) DO UPDATE SET n = application_status_counts.n - 1;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO application_status_counts (measure_id, status, slot, n) VALUES (NEW.measure_id, NEW.status, chosen_slot, 1)
      ON CONFLICT (measure_id, status, slot) DO UPDATE SET n = application_status_counts.n + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_count_insert_delete
  AFTER INSERT OR DELETE ON applications
  FOR EACH ROW EXECUTE FUNCTION klaster_count_application_status();
--> statement-breakpoint
CREATE TRIGGER applications_count_status_change
  AFTER UPDATE OF status, measure_id ON applications
  FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.measure_id IS DISTINCT FROM NEW.measure_id)
  EXECUTE FUNCTION klaster_count_application_status();
--> statement-breakpoint
INSERT INTO application_status_counts (measure_id, status, slot, n)
  SELECT measure_id, status, 0, count(*) FROM applications GROUP BY measure_id, status;
