CREATE SEQUENCE "public"."deal_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."project_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"investor_organization_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid,
	"round" text NOT NULL,
	"instrument" text NOT NULL,
	"amount_kopecks" bigint NOT NULL,
	"deal_date" date NOT NULL,
	"status" text DEFAULT 'intro' NOT NULL,
	"created_by" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"investor_confirmed_at" timestamp with time zone,
	"investor_confirmed_by" uuid,
	"company_confirmed_at" timestamp with time zone,
	"company_confirmed_by" uuid,
	"disputed_at" timestamp with time zone,
	"disputed_by_organization_id" uuid,
	"dispute_reason" text,
	"last_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deals_number_unique" UNIQUE("number"),
	CONSTRAINT "deals_status_check" CHECK ("deals"."status" in ('intro','due_diligence','term_sheet','closed','dropped')),
	CONSTRAINT "deals_round_check" CHECK ("deals"."round" in ('pre_seed','seed','a','b','c','later')),
	CONSTRAINT "deals_instrument_check" CHECK ("deals"."instrument" in ('equity','convertible_loan','loan','grant')),
	CONSTRAINT "deals_amount_positive" CHECK ("deals"."amount_kopecks" > 0),
	CONSTRAINT "deals_two_sides" CHECK ("deals"."investor_organization_id" <> "deals"."organization_id"),
	CONSTRAINT "deals_confirmation_check" CHECK (("deals"."investor_confirmed_at" is null and "deals"."company_confirmed_at" is null and "deals"."disputed_at" is null) or "deals"."status" = 'closed')
);
--> statement-breakpoint
CREATE TABLE "investor_profiles" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"markets" text[] DEFAULT '{}'::text[] NOT NULL,
	"ticket_min_kopecks" bigint,
	"ticket_max_kopecks" bigint,
	"fund_size_kopecks" bigint,
	"description" text DEFAULT '' NOT NULL,
	"public" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investor_profiles_type_check" CHECK ("investor_profiles"."type" in ('private_fund','corporate_fund','state_fund','accelerator','business_angel')),
	CONSTRAINT "investor_profiles_ticket_check" CHECK (("investor_profiles"."ticket_min_kopecks" is null or "investor_profiles"."ticket_min_kopecks" > 0) and ("investor_profiles"."ticket_max_kopecks" is null or "investor_profiles"."ticket_max_kopecks" > 0) and ("investor_profiles"."ticket_min_kopecks" is null or "investor_profiles"."ticket_max_kopecks" is null or "investor_profiles"."ticket_min_kopecks" <= "investor_profiles"."ticket_max_kopecks")),
	CONSTRAINT "investor_profiles_fund_check" CHECK ("investor_profiles"."fund_size_kopecks" is null or "investor_profiles"."fund_size_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "startup_needs" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"rounds" text[] DEFAULT '{}'::text[] NOT NULL,
	"instruments" text[] DEFAULT '{}'::text[] NOT NULL,
	"markets" text[] DEFAULT '{}'::text[] NOT NULL,
	"amount_kopecks" bigint,
	"pitch" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "startup_needs_amount_check" CHECK ("startup_needs"."amount_kopecks" is null or "startup_needs"."amount_kopecks" > 0)
);
--> statement-breakpoint
CREATE TABLE "project_partners" (
	"project_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"invited_by" uuid NOT NULL,
	"invited_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "project_partners_project_id_organization_id_pk" PRIMARY KEY("project_id","organization_id"),
	CONSTRAINT "project_partners_status_check" CHECK ("project_partners"."status" in ('invited','confirmed','declined'))
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"lead_organization_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"trl" integer NOT NULL,
	"budget_kopecks" bigint,
	"started_on" date NOT NULL,
	"planned_end_on" date,
	"implemented_on" date,
	"stage" text DEFAULT 'research' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"lead_district" text,
	"confirmed_participants" integer DEFAULT 0 NOT NULL,
	"joint" boolean DEFAULT false NOT NULL,
	"origin_solution_id" uuid,
	"origin_pilot_id" uuid,
	"origin_application_id" uuid,
	"origin_deal_id" uuid,
	"last_comment" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce(title, '')), 'A') || setweight(to_tsvector('russian', coalesce(description, '')), 'B')) STORED,
	CONSTRAINT "projects_number_unique" UNIQUE("number"),
	CONSTRAINT "projects_status_check" CHECK ("projects"."status" in ('planned','active','implemented','cancelled')),
	CONSTRAINT "projects_stage_check" CHECK ("projects"."stage" in ('research','development','testing','implementation','scaling')),
	CONSTRAINT "projects_trl_check" CHECK ("projects"."trl" between 1 and 9),
	CONSTRAINT "projects_budget_check" CHECK ("projects"."budget_kopecks" is null or "projects"."budget_kopecks" >= 0),
	CONSTRAINT "projects_dates_check" CHECK ("projects"."planned_end_on" is null or "projects"."planned_end_on" >= "projects"."started_on"),
	CONSTRAINT "projects_joint_check" CHECK ("projects"."joint" = ("projects"."confirmed_participants" >= 2)),
	CONSTRAINT "projects_implemented_check" CHECK (("projects"."status" = 'implemented') = ("projects"."implemented_on" is not null))
);
--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_investor_organization_id_organizations_id_fk" FOREIGN KEY ("investor_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_investor_confirmed_by_users_id_fk" FOREIGN KEY ("investor_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_company_confirmed_by_users_id_fk" FOREIGN KEY ("company_confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_disputed_by_organization_id_organizations_id_fk" FOREIGN KEY ("disputed_by_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_profiles" ADD CONSTRAINT "investor_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "startup_needs" ADD CONSTRAINT "startup_needs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_partners" ADD CONSTRAINT "project_partners_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_origin_solution_id_solutions_id_fk" FOREIGN KEY ("origin_solution_id") REFERENCES "public"."solutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_origin_pilot_id_pilots_id_fk" FOREIGN KEY ("origin_pilot_id") REFERENCES "public"."pilots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_origin_application_id_applications_id_fk" FOREIGN KEY ("origin_application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deals_investor_idx" ON "deals" USING btree ("investor_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "deals_organization_idx" ON "deals" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "deals_status_date_idx" ON "deals" USING btree ("status","deal_date");--> statement-breakpoint
CREATE INDEX "investor_profiles_stages_idx" ON "investor_profiles" USING gin ("stages");--> statement-breakpoint
CREATE INDEX "investor_profiles_technologies_idx" ON "investor_profiles" USING gin ("technologies");--> statement-breakpoint
CREATE INDEX "startup_needs_amount_idx" ON "startup_needs" USING btree ("amount_kopecks");--> statement-breakpoint
CREATE INDEX "project_partners_organization_idx" ON "project_partners" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "projects_status_implemented_idx" ON "projects" USING btree ("status","implemented_on");--> statement-breakpoint
CREATE INDEX "projects_lead_idx" ON "projects" USING btree ("lead_organization_id","created_at");--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "projects" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "projects_title_trgm_idx" ON "projects" USING gin (lower("title") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "projects_technologies_idx" ON "projects" USING gin ("technologies");--> statement-breakpoint
CREATE INDEX "projects_showcase_idx" ON "projects" USING btree ("status","joint","lead_district","implemented_on");--> statement-breakpoint
-- projects and deals refer to each other (a deal may fund a project, a project may come from a deal); the schema
-- files cannot import each other both ways, so this one key is declared here
ALTER TABLE "projects" ADD CONSTRAINT "projects_origin_deal_id_deals_id_fk" FOREIGN KEY ("origin_deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;
