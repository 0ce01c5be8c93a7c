CREATE TABLE "kpi_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	"source_mark" bigint NOT NULL,
	"payload" jsonb NOT NULL
);
