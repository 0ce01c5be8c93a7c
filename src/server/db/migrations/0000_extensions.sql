-- Extensions and helper functions the generated migrations rely on; identical on PGlite and PostgreSQL.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- array_to_string is only STABLE, so a generated tsvector column cannot call it; text[] output never
-- depends on settings, which makes this wrapper safe to declare IMMUTABLE.
CREATE OR REPLACE FUNCTION klaster_text_array(arr text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT coalesce(array_to_string(arr, ' '), '') $$;
