CREATE TABLE "callback_customer_preferences" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"quiet_windows" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "callback_customer_preferences" ADD CONSTRAINT "callback_customer_preferences_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "callback_customer_preferences" ADD CONSTRAINT "callback_customer_preferences_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;