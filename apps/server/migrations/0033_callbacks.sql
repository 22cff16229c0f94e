CREATE TABLE "callback_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"plan_id" uuid NOT NULL,
	"customer_count" integer DEFAULT 0 NOT NULL,
	"callback_count" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_owners" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_plan_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"offset_days" integer NOT NULL,
	"day_kind" text DEFAULT 'calendar' NOT NULL,
	"channel" text DEFAULT 'call' NOT NULL,
	"alt_channel" text,
	"fixed_date" boolean DEFAULT false NOT NULL,
	"purpose" text NOT NULL,
	"script" text,
	"is_active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_key" text,
	"name" text NOT NULL,
	"name_en" text,
	"description" text,
	"trigger" text NOT NULL,
	"milestone_type_key" text,
	"ticket_type_keys" text[] DEFAULT '{}' NOT NULL,
	"department_id" uuid,
	"is_active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "callback_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"quiet_windows" jsonb DEFAULT '[{"start":"12:00","end":"14:00"},{"start":"21:00","end":"09:00"}]'::jsonb NOT NULL,
	"cap_days" integer DEFAULT 7 NOT NULL,
	"retries_per_day" integer DEFAULT 2 NOT NULL,
	"retry_gap_minutes" integer DEFAULT 60 NOT NULL,
	"deadline_working_days" integer DEFAULT 3 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callback_settings_one_row" CHECK ("callback_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"customer_id" uuid NOT NULL,
	"plan_id" uuid,
	"step_id" uuid,
	"campaign_id" uuid,
	"source_kind" text NOT NULL,
	"source_id" text,
	"dedupe_key" text,
	"anchor_date" date,
	"channel" text DEFAULT 'call' NOT NULL,
	"purpose" text,
	"assignee_id" uuid,
	"assigned_at" timestamp with time zone,
	"status" text DEFAULT 'pending' NOT NULL,
	"due_date" date NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"planned_date" date,
	"deadline_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone,
	"reached" boolean,
	"satisfaction" smallint,
	"opinion" text,
	"staff_ratings" jsonb,
	"complaint_ticket_id" uuid,
	"write_up" text,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"cancelled_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "callbacks_satisfaction_range" CHECK ("callbacks"."satisfaction" IS NULL OR "callbacks"."satisfaction" BETWEEN 1 AND 5)
);
--> statement-breakpoint
ALTER TABLE "callback_campaigns" ADD CONSTRAINT "callback_campaigns_plan_id_callback_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."callback_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_campaigns" ADD CONSTRAINT "callback_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_owners" ADD CONSTRAINT "callback_owners_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_owners" ADD CONSTRAINT "callback_owners_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_plan_steps" ADD CONSTRAINT "callback_plan_steps_plan_id_callback_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."callback_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_plans" ADD CONSTRAINT "callback_plans_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_plans" ADD CONSTRAINT "callback_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_plan_id_callback_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."callback_plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_step_id_callback_plan_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."callback_plan_steps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_campaign_id_callback_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."callback_campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callbacks" ADD CONSTRAINT "callbacks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "callback_owners_user_idx" ON "callback_owners" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "callback_plan_steps_plan_idx" ON "callback_plan_steps" USING btree ("plan_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "callback_plans_template_idx" ON "callback_plans" USING btree ("template_key");--> statement-breakpoint
CREATE INDEX "callback_plans_trigger_idx" ON "callback_plans" USING btree ("trigger","milestone_type_key") WHERE "callback_plans"."is_active";--> statement-breakpoint
CREATE UNIQUE INDEX "callbacks_dedupe_idx" ON "callbacks" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "callbacks_mine_due_idx" ON "callbacks" USING btree ("assignee_id","status","scheduled_at");--> statement-breakpoint
CREATE INDEX "callbacks_pool_due_idx" ON "callbacks" USING btree ("scheduled_at") WHERE "callbacks"."assignee_id" IS NULL AND "callbacks"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "callbacks_deadline_idx" ON "callbacks" USING btree ("deadline_at") WHERE "callbacks"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "callbacks_customer_idx" ON "callbacks" USING btree ("customer_id","due_date");--> statement-breakpoint
CREATE INDEX "callbacks_source_idx" ON "callbacks" USING btree ("source_kind","source_id");--> statement-breakpoint
CREATE INDEX "callbacks_campaign_idx" ON "callbacks" USING btree ("campaign_id");