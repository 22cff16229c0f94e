DROP INDEX "customers_custom_fields_idx";--> statement-breakpoint
DROP INDEX "customers_updated_idx";--> statement-breakpoint
DROP INDEX "customers_category_idx";--> statement-breakpoint
DROP INDEX "customers_region_idx";--> statement-breakpoint
DROP INDEX "customers_key_idx";--> statement-breakpoint
CREATE INDEX "customers_grade_region_idx" ON "customers" USING btree ("grade","region","updated_at","id","merged_into_id");--> statement-breakpoint
CREATE INDEX "customers_key_category_idx" ON "customers" USING btree ("category_key","updated_at","id","merged_into_id") WHERE "customers"."is_key";--> statement-breakpoint
CREATE INDEX "customers_custom_fields_path_idx" ON "customers" USING gin ("custom_fields" jsonb_path_ops);--> statement-breakpoint
CREATE INDEX "customers_updated_idx" ON "customers" USING btree ("updated_at","id","merged_into_id");--> statement-breakpoint
CREATE INDEX "customers_category_idx" ON "customers" USING btree ("category_key","updated_at","id","merged_into_id");--> statement-breakpoint
CREATE INDEX "customers_region_idx" ON "customers" USING btree ("region","updated_at","id","merged_into_id");--> statement-breakpoint
CREATE INDEX "customers_key_idx" ON "customers" USING btree ("updated_at","id","merged_into_id") WHERE "customers"."is_key";