CREATE TABLE "call_agent_links" (
	"agent" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "call_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"format" text NOT NULL,
	"file_name" text NOT NULL,
	"file_key" text,
	"mapping" jsonb,
	"status" text DEFAULT 'queued' NOT NULL,
	"bytes" bigint DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"lines" integer DEFAULT 0 NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failure_code" text,
	"failure_params" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "call_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"service_level_seconds" integer DEFAULT 20 NOT NULL,
	"service_level_target" real DEFAULT 0.8 NOT NULL,
	"answer_rate_inbound_target" real DEFAULT 0.8 NOT NULL,
	"answer_rate_outbound_target" real DEFAULT 0.6 NOT NULL,
	"aht_min_seconds" integer DEFAULT 210 NOT NULL,
	"aht_max_seconds" integer DEFAULT 330 NOT NULL,
	"avg_rings_min" real DEFAULT 2 NOT NULL,
	"avg_rings_max" real DEFAULT 3 NOT NULL,
	"avg_queue_seconds_target" integer DEFAULT 20 NOT NULL,
	"outbound_completion_target" real DEFAULT 0.9 NOT NULL,
	"first_contact_resolution_target" real DEFAULT 0.85 NOT NULL,
	"short_abandon_seconds" integer DEFAULT 5 NOT NULL,
	"abandon_callback_seconds" integer DEFAULT 30,
	"webhook_secret" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"queue" text NOT NULL,
	"direction" text DEFAULT 'inbound' NOT NULL,
	"caller_number" text,
	"agent" text,
	"agent_user_id" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	"connected_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"outcome" text NOT NULL,
	"wait_seconds" integer,
	"talk_seconds" integer,
	"ring_no_answer_count" integer DEFAULT 0 NOT NULL,
	"ring_no_answer_ms" integer DEFAULT 0 NOT NULL,
	"transferred" boolean DEFAULT false NOT NULL,
	"customer_id" uuid,
	"contact_id" uuid,
	"ticket_id" uuid,
	"import_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "calls_natural_key" ON "calls" USING btree ("source","external_id","queue","entered_at");--> statement-breakpoint
CREATE INDEX "calls_entered_idx" ON "calls" USING btree ("entered_at");--> statement-breakpoint
CREATE INDEX "calls_customer_idx" ON "calls" USING btree ("customer_id","entered_at") WHERE "calls"."customer_id" is not null;--> statement-breakpoint
CREATE INDEX "calls_caller_idx" ON "calls" USING btree ("caller_number");