CREATE TABLE "business_calendar_versions" (
	"calendar_id" text NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "business_calendar_versions_calendar_id_version_pk" PRIMARY KEY("calendar_id","version")
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"ticket_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"cycle" integer DEFAULT 1 NOT NULL,
	"policy_id" uuid,
	"calendar_id" text,
	"calendar_version" integer,
	"time_basis" text NOT NULL,
	"target_minutes" integer NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone,
	"paused_since" timestamp with time zone,
	"paused_minutes" integer DEFAULT 0 NOT NULL,
	"remaining_minutes" integer,
	"stopped_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"follow_up_due_at" timestamp with time zone,
	"ladder_id" uuid,
	"ladder_level" integer DEFAULT 0 NOT NULL,
	"next_check_at" timestamp with time zone,
	"assignee_id" uuid,
	"department_id" uuid,
	"type_key" text,
	"priority" text,
	"customer_grade" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_firings" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sla_firings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"clock_id" uuid NOT NULL,
	"ticket_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	"skipped" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"actor_id" uuid,
	"reason" text,
	"recipients" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"channels" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_ladders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"levels" jsonb NOT NULL,
	"is_builtin" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"metric" text NOT NULL,
	"type_key" text,
	"priority" text,
	"customer_grade" text,
	"department_id" uuid,
	"target_minutes" integer NOT NULL,
	"time_basis" text DEFAULT 'business' NOT NULL,
	"calendar_id" text DEFAULT 'cn-workdays' NOT NULL,
	"warn_percents" integer[] DEFAULT '{50,75,90}'::integer[] NOT NULL,
	"ladder_id" uuid,
	"follow_up_minutes" integer,
	"is_active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"pause_on" text[] DEFAULT '{waiting_customer,waiting_third_party,feedback}'::text[] NOT NULL,
	"weights" jsonb DEFAULT '{"first_response":30,"resolution":40,"promised_reply":30}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "waiting_on" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "sla_state" text;--> statement-breakpoint
ALTER TABLE "sla_firings" ADD CONSTRAINT "sla_firings_clock_id_sla_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sla_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_ladder_id_sla_ladders_id_fk" FOREIGN KEY ("ladder_id") REFERENCES "public"."sla_ladders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sla_clocks_ticket_metric_cycle_idx" ON "sla_clocks" USING btree ("ticket_id","metric","cycle");--> statement-breakpoint
CREATE INDEX "sla_clocks_next_check_idx" ON "sla_clocks" USING btree ("next_check_at") WHERE "sla_clocks"."next_check_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sla_clocks_running_due_idx" ON "sla_clocks" USING btree ("due_at") WHERE "sla_clocks"."state" = 'running';--> statement-breakpoint
CREATE INDEX "sla_clocks_started_idx" ON "sla_clocks" USING btree ("started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_firings_once_idx" ON "sla_firings" USING btree ("clock_id","kind","step");--> statement-breakpoint
CREATE INDEX "sla_firings_ticket_idx" ON "sla_firings" USING btree ("ticket_id","fired_at");--> statement-breakpoint
CREATE INDEX "sla_firings_fired_idx" ON "sla_firings" USING btree ("fired_at");--> statement-breakpoint
CREATE INDEX "sla_policies_metric_idx" ON "sla_policies" USING btree ("metric","is_active");--> statement-breakpoint
CREATE INDEX "tickets_sla_due_idx" ON "tickets" USING btree ("sla_due_at","id") WHERE "tickets"."status" IN ('received', 'classified', 'investigating');--> statement-breakpoint
-- Built-in roles get the time-limit permissions (administrators' own roles are left as they are).
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['calendars.manage', 'sla.read', 'sla.manage', 'sla.escalate', 'sla.report']) ORDER BY 1) WHERE key = 'admin';--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['sla.read', 'sla.escalate', 'sla.report']) ORDER BY 1) WHERE key IN ('department_manager', 'supervisor');--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['sla.read', 'sla.report']) ORDER BY 1) WHERE key = 'general_manager';--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['sla.read']) ORDER BY 1) WHERE 'tickets.write' = ANY(permissions) AND key <> 'admin';
