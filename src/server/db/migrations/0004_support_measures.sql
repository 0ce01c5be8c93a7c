CREATE SEQUENCE "public"."application_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "application_documents" (
	"application_id" uuid NOT NULL,
	"field_key" text NOT NULL,
	"file_id" uuid NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"kpis" jsonb,
	"comment" text,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "application_reports_status_check" CHECK ("application_reports"."status" in ('due','submitted','accepted','returned'))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"measure_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"applicant_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"requested_amount_kopecks" bigint NOT NULL,
	"approved_amount_kopecks" bigint,
	"paid_kopecks" bigint DEFAULT 0 NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"promised_kpis" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_comment" text,
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_number_unique" UNIQUE("number"),
	CONSTRAINT "applications_status_check" CHECK ("applications"."status" in ('draft','submitted','returned','registered','under_review','approved','rejected','agreement_signed','disbursing','reporting','completed','withdrawn')),
	CONSTRAINT "applications_requested_positive" CHECK ("applications"."requested_amount_kopecks" > 0),
	CONSTRAINT "applications_approved_positive" CHECK ("applications"."approved_amount_kopecks" is null or "applications"."approved_amount_kopecks" > 0),
	CONSTRAINT "applications_paid_within_approved" CHECK ("applications"."paid_kopecks" >= 0 and "applications"."paid_kopecks" <= coalesce("applications"."approved_amount_kopecks", 0))
);
--> statement-breakpoint
CREATE TABLE "experts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"expertise" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experts_user_id_unique" UNIQUE("user_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"status" text DEFAULT 'assigned' NOT NULL,
	"declared_at" timestamp with time zone,
	"scores" jsonb,
	"recommendation" text,
	"weighted_score" integer,
	"submitted_at" timestamp with time zone,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_status_check" CHECK ("reviews"."status" in ('assigned','declared','submitted','recused'))
);
--> statement-breakpoint
CREATE TABLE "tranches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"milestone" text NOT NULL,
	"paid_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	CONSTRAINT "tranches_amount_positive" CHECK ("tranches"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"uploaded_by" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_size_check" CHECK ("files"."size_bytes" > 0 and "files"."size_bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"max_amount_kopecks" bigint NOT NULL,
	"cofinancing_percent" integer DEFAULT 0 NOT NULL,
	"budget_kopecks" bigint NOT NULL,
	"committed_kopecks" bigint DEFAULT 0 NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"eligibility" jsonb NOT NULL,
	"form_fields" jsonb NOT NULL,
	"required_documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criteria" jsonb NOT NULL,
	"experts_per_application" integer DEFAULT 2 NOT NULL,
	"report_count" integer DEFAULT 1 NOT NULL,
	"report_interval_months" integer DEFAULT 12 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(provider, '')), 'B') || setweight(to_tsvector('russian', coalesce(description, '')), 'C')) STORED,
	CONSTRAINT "measures_code_unique" UNIQUE("code"),
	CONSTRAINT "measures_kind_check" CHECK ("measures"."kind" in ('grant','subsidy','compensation','loan','service','tax_benefit','rent')),
	CONSTRAINT "measures_status_check" CHECK ("measures"."status" in ('draft','published','closed','archived')),
	CONSTRAINT "measures_amounts_check" CHECK ("measures"."max_amount_kopecks" > 0 and "measures"."budget_kopecks" > 0),
	CONSTRAINT "measures_budget_not_exceeded" CHECK ("measures"."committed_kopecks" >= 0 and "measures"."committed_kopecks" <= "measures"."budget_kopecks"),
	CONSTRAINT "measures_cofinancing_check" CHECK ("measures"."cofinancing_percent" between 0 and 100),
	CONSTRAINT "measures_window_check" CHECK ("measures"."opens_at" < "measures"."closes_at"),
	CONSTRAINT "measures_experts_check" CHECK ("measures"."experts_per_application" between 1 and 10),
	CONSTRAINT "measures_reports_check" CHECK ("measures"."report_count" between 0 and 20 and "measures"."report_interval_months" between 1 and 60)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_documents" ADD CONSTRAINT "application_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_reports" ADD CONSTRAINT "application_reports_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experts" ADD CONSTRAINT "experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranches" ADD CONSTRAINT "tranches_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tranches" ADD CONSTRAINT "tranches_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_documents_field_idx" ON "application_documents" USING btree ("application_id","field_key","file_id");--> statement-breakpoint
CREATE INDEX "application_events_application_idx" ON "application_events" USING btree ("application_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_reports_sequence_idx" ON "application_reports" USING btree ("application_id","sequence");--> statement-breakpoint
CREATE INDEX "application_reports_due_idx" ON "application_reports" USING btree ("status","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_per_measure" ON "applications" USING btree ("measure_id","organization_id") WHERE "applications"."status" not in ('rejected','withdrawn','completed');--> statement-breakpoint
CREATE INDEX "applications_status_created_idx" ON "applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "applications_organization_idx" ON "applications" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_measure_status_idx" ON "applications" USING btree ("measure_id","status");--> statement-breakpoint
CREATE INDEX "experts_expertise_idx" ON "experts" USING gin ("expertise");--> statement-breakpoint
CREATE UNIQUE INDEX "reviews_application_expert_idx" ON "reviews" USING btree ("application_id","expert_id");--> statement-breakpoint
CREATE INDEX "reviews_expert_status_idx" ON "reviews" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "tranches_application_idx" ON "tranches" USING btree ("application_id","paid_at");--> statement-breakpoint
CREATE INDEX "files_organization_idx" ON "files" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "measures_status_closes_idx" ON "measures" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "measures_search_idx" ON "measures" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");