CREATE SEQUENCE "public"."registry_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"full_name" text NOT NULL,
	"role" text DEFAULT 'user' NOT NULL,
	"locale" text DEFAULT 'ru' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_role_check" CHECK ("users"."role" in ('user','expert','operator','admin')),
	CONSTRAINT "users_email_lower" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "membership_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"applicant_id" uuid NOT NULL,
	"comment" text,
	"last_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_kind_check" CHECK ("membership_applications"."kind" in ('participant','partner')),
	CONSTRAINT "membership_status_check" CHECK ("membership_applications"."status" in ('applied','under_review','participant','rejected','suspended','excluded'))
);
--> statement-breakpoint
CREATE TABLE "membership_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"org_role" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "organization_invitations_role_check" CHECK ("organization_invitations"."org_role" in ('owner','manager','member'))
);
--> statement-breakpoint
CREATE TABLE "organization_members" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_role" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_members_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id"),
	CONSTRAINT "organization_members_role_check" CHECK ("organization_members"."org_role" in ('owner','manager','member'))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"legal_type" text NOT NULL,
	"inn" text NOT NULL,
	"ogrn" text NOT NULL,
	"kpp" text,
	"full_name" text NOT NULL,
	"short_name" text NOT NULL,
	"legal_form" text NOT NULL,
	"region_code" text NOT NULL,
	"district" text,
	"address" text,
	"okved_main" text NOT NULL,
	"okved_section" text NOT NULL,
	"okved_extra" text[] DEFAULT '{}'::text[] NOT NULL,
	"sme_category" text NOT NULL,
	"founded_on" date,
	"employees" integer,
	"annual_revenue_kopecks" bigint,
	"website" text,
	"description" text DEFAULT '' NOT NULL,
	"technologies" text[] DEFAULT '{}'::text[] NOT NULL,
	"is_startup" boolean DEFAULT false NOT NULL,
	"startup_stage" text,
	"is_exporter" boolean DEFAULT false NOT NULL,
	"residencies" text[] DEFAULT '{}'::text[] NOT NULL,
	"capabilities" text[] DEFAULT '{company}'::text[] NOT NULL,
	"membership_status" text DEFAULT 'none' NOT NULL,
	"membership_kind" text,
	"registry_number" text,
	"admitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce(short_name, '') || ' ' || coalesce(full_name, '')), 'A') || setweight(to_tsvector('russian', klaster_text_array(technologies)), 'B') || setweight(to_tsvector('russian', coalesce(description, '')), 'C')) STORED,
	CONSTRAINT "organizations_inn_unique" UNIQUE("inn"),
	CONSTRAINT "organizations_ogrn_unique" UNIQUE("ogrn"),
	CONSTRAINT "organizations_registry_number_unique" UNIQUE("registry_number"),
	CONSTRAINT "organizations_legal_type_check" CHECK ("organizations"."legal_type" in ('legal_entity','sole_proprietor')),
	CONSTRAINT "organizations_inn_shape" CHECK (("organizations"."legal_type" = 'legal_entity' and "organizations"."inn" ~ '^[0-9]{10}$') or ("organizations"."legal_type" = 'sole_proprietor' and "organizations"."inn" ~ '^[0-9]{12}$')),
	CONSTRAINT "organizations_ogrn_shape" CHECK (("organizations"."legal_type" = 'legal_entity' and "organizations"."ogrn" ~ '^[0-9]{13}$') or ("organizations"."legal_type" = 'sole_proprietor' and "organizations"."ogrn" ~ '^[0-9]{15}$')),
	CONSTRAINT "organizations_sme_check" CHECK ("organizations"."sme_category" in ('micro','small','medium','large')),
	CONSTRAINT "organizations_membership_status_check" CHECK ("organizations"."membership_status" in ('none','applied','under_review','participant','rejected','suspended','excluded')),
	CONSTRAINT "organizations_revenue_nonnegative" CHECK ("organizations"."annual_revenue_kopecks" is null or "organizations"."annual_revenue_kopecks" >= 0),
	CONSTRAINT "organizations_employees_nonnegative" CHECK ("organizations"."employees" is null or "organizations"."employees" >= 0)
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_applicant_id_users_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_application_id_membership_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."membership_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_log" USING btree ("entity","entity_id","at");--> statement-breakpoint
CREATE INDEX "login_failures_email_at_idx" ON "login_failures" USING btree ("email","at");--> statement-breakpoint
CREATE INDEX "login_failures_ip_at_idx" ON "login_failures" USING btree ("ip","at");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "outbox_emails_to_idx" ON "outbox_emails" USING btree ("to","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "membership_one_open_per_org" ON "membership_applications" USING btree ("organization_id") WHERE "membership_applications"."status" in ('applied','under_review','participant','suspended');--> statement-breakpoint
CREATE INDEX "membership_status_created_idx" ON "membership_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "membership_events_application_idx" ON "membership_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "organization_invitations_email_idx" ON "organization_invitations" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_invitations_one_pending" ON "organization_invitations" USING btree ("organization_id","email") WHERE "organization_invitations"."accepted_at" is null;--> statement-breakpoint
CREATE INDEX "organization_members_user_idx" ON "organization_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "organizations_short_name_trgm_idx" ON "organizations" USING gin (lower("short_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_membership_idx" ON "organizations" USING btree ("membership_status","short_name");--> statement-breakpoint
CREATE INDEX "organizations_technologies_idx" ON "organizations" USING gin ("technologies");