CREATE SEQUENCE "public"."pilot_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."request_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."solution_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "status_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"comment" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"solution_id" uuid NOT NULL,
	"pilot_id" uuid,
	"request_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"customer_organization_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"signed_on" date NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_amount_positive" CHECK ("contracts"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "pilot_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"owner_organization_id" uuid NOT NULL,
	"address" text NOT NULL,
	"district" text NOT NULL,
	"testable" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilot_sites_kind_check" CHECK ("pilot_sites"."kind" in ('school','clinic','park','transport','construction','factory','culture','sport'))
);
--> statement-breakpoint
CREATE TABLE "pilots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"solution_id" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"customer_organization_id" uuid NOT NULL,
	"proposed_by" uuid NOT NULL,
	"plan" text NOT NULL,
	"trl" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"last_comment" text,
	"result_report" text,
	"outcome" text,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilots_number_unique" UNIQUE("number"),
	CONSTRAINT "pilots_status_check" CHECK ("pilots"."status" in ('proposed','approved','rejected','running','completed','cancelled')),
	CONSTRAINT "pilots_outcome_check" CHECK ("pilots"."outcome" is null or "pilots"."outcome" in ('success','failure')),
	CONSTRAINT "pilots_trl_check" CHECK ("pilots"."trl" between 6 and 9),
	CONSTRAINT "pilots_duration_check" CHECK ("pilots"."ends_on" > "pilots"."starts_on" and "pilots"."ends_on" <= "pilots"."starts_on" + interval '3 months')
);
--> statement-breakpoint
CREATE TABLE "request_experts" (
	"request_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"appointed_by" uuid NOT NULL,
	"appointed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_experts_request_id_user_id_pk" PRIMARY KEY("request_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "request_nda_acceptances" (
	"request_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"terms_version" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_nda_acceptances_request_id_organization_id_terms_version_pk" PRIMARY KEY("request_id","organization_id","terms_version")
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"brief" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"problem_types" text[] DEFAULT '{}'::text[] NOT NULL,
	"expected_result" text DEFAULT '' NOT NULL,
	"min_trl" integer DEFAULT 1 NOT NULL,
	"reward_kind" text DEFAULT 'budget' NOT NULL,
	"budget_kopecks" bigint,
	"pilot_offered" boolean DEFAULT false NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"related_request_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"nda_terms" text,
	"nda_version" integer DEFAULT 1 NOT NULL,
	"criteria" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"last_comment" text,
	"winner_solution_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(brief, '')), 'B') || setweight(to_tsvector('russian', coalesce(expected_result, '')), 'C') || setweight(to_tsvector('russian', case when nda_terms is null then coalesce(description, '') else '' end), 'D')) STORED,
	CONSTRAINT "requests_number_unique" UNIQUE("number"),
	CONSTRAINT "requests_kind_check" CHECK ("requests"."kind" in ('corporate','city')),
	CONSTRAINT "requests_status_check" CHECK ("requests"."status" in ('draft','moderation','published','closed','resolved','cancelled')),
	CONSTRAINT "requests_reward_kind_check" CHECK ("requests"."reward_kind" in ('budget','prize')),
	CONSTRAINT "requests_min_trl_check" CHECK ("requests"."min_trl" between 1 and 9),
	CONSTRAINT "requests_budget_check" CHECK ("requests"."budget_kopecks" is null or "requests"."budget_kopecks" >= 0)
);
--> statement-breakpoint
CREATE TABLE "solution_documents" (
	"solution_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "solution_documents_solution_id_file_id_pk" PRIMARY KEY("solution_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "solution_scores" (
	"solution_id" uuid NOT NULL,
	"scorer_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"total" integer NOT NULL,
	"comment" text,
	"scored_at" timestamp with time zone NOT NULL,
	CONSTRAINT "solution_scores_solution_id_scorer_id_pk" PRIMARY KEY("solution_id","scorer_id"),
	CONSTRAINT "solution_scores_total_check" CHECK ("solution_scores"."total" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "solutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"request_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"summary" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"novelty" text DEFAULT '' NOT NULL,
	"trl" integer NOT NULL,
	"team" jsonb NOT NULL,
	"price_kopecks" bigint,
	"pilot_plan" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"last_comment" text,
	"score_average" integer,
	"score_count" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "solutions_number_unique" UNIQUE("number"),
	CONSTRAINT "solutions_status_check" CHECK ("solutions"."status" in ('draft','submitted','shortlisted','declined','pilot','contract','not_adopted','withdrawn')),
	CONSTRAINT "solutions_summary_length" CHECK (char_length("solutions"."summary") between 1 and 500),
	CONSTRAINT "solutions_trl_check" CHECK ("solutions"."trl" between 1 and 9),
	CONSTRAINT "solutions_team_size" CHECK (jsonb_array_length("solutions"."team") between 1 and 10),
	CONSTRAINT "solutions_price_check" CHECK ("solutions"."price_kopecks" is null or "solutions"."price_kopecks" >= 0)
);
--> statement-breakpoint
ALTER TABLE "status_events" ADD CONSTRAINT "status_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_customer_organization_id_organizations_id_fk" FOREIGN KEY ("customer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_sites" ADD CONSTRAINT "pilot_sites_owner_organization_id_organizations_id_fk" FOREIGN KEY ("owner_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_site_id_pilot_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."pilot_sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_customer_organization_id_organizations_id_fk" FOREIGN KEY ("customer_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_experts" ADD CONSTRAINT "request_experts_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_experts" ADD CONSTRAINT "request_experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_experts" ADD CONSTRAINT "request_experts_appointed_by_users_id_fk" FOREIGN KEY ("appointed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_nda_acceptances" ADD CONSTRAINT "request_nda_acceptances_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_nda_acceptances" ADD CONSTRAINT "request_nda_acceptances_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "request_nda_acceptances" ADD CONSTRAINT "request_nda_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requests" ADD CONSTRAINT "requests_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_documents" ADD CONSTRAINT "solution_documents_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_documents" ADD CONSTRAINT "solution_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_scores" ADD CONSTRAINT "solution_scores_solution_id_solutions_id_fk" FOREIGN KEY ("solution_id") REFERENCES "public"."solutions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solution_scores" ADD CONSTRAINT "solution_scores_scorer_id_users_id_fk" FOREIGN KEY ("scorer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "solutions" ADD CONSTRAINT "solutions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "status_events_entity_idx" ON "status_events" USING btree ("entity","entity_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_solution_idx" ON "contracts" USING btree ("solution_id");--> statement-breakpoint
CREATE INDEX "contracts_signed_idx" ON "contracts" USING btree ("signed_on");--> statement-breakpoint
CREATE INDEX "pilot_sites_kind_district_idx" ON "pilot_sites" USING btree ("kind","district");--> statement-breakpoint
CREATE INDEX "pilot_sites_owner_idx" ON "pilot_sites" USING btree ("owner_organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pilots_one_open_per_solution" ON "pilots" USING btree ("solution_id") WHERE "pilots"."status" in ('proposed','approved','running');--> statement-breakpoint
CREATE INDEX "pilots_site_idx" ON "pilots" USING btree ("site_id","starts_on");--> statement-breakpoint
CREATE INDEX "pilots_customer_idx" ON "pilots" USING btree ("customer_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "pilots_organization_idx" ON "pilots" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "pilots_status_idx" ON "pilots" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "request_experts_user_idx" ON "request_experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "requests_status_deadline_idx" ON "requests" USING btree ("status","deadline");--> statement-breakpoint
CREATE INDEX "requests_status_published_idx" ON "requests" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "requests_organization_idx" ON "requests" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "requests_search_idx" ON "requests" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "requests_title_trgm_idx" ON "requests" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "requests_scopes_idx" ON "requests" USING gin ("scopes");--> statement-breakpoint
CREATE INDEX "requests_technologies_idx" ON "requests" USING gin ("technologies");--> statement-breakpoint
CREATE INDEX "requests_problem_types_idx" ON "requests" USING gin ("problem_types");--> statement-breakpoint
CREATE UNIQUE INDEX "solutions_one_active_per_request" ON "solutions" USING btree ("request_id","organization_id") WHERE "solutions"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "solutions_request_status_idx" ON "solutions" USING btree ("request_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "solutions_organization_idx" ON "solutions" USING btree ("organization_id","created_at");