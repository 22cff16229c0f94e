-- The customer list at volume: indexes in list order (updated_at, id) per common filter, substring
-- search over code / e-mail / phone digits and two-character names, the non-owner staff of a user,
-- and customer codes past KH999999 (lpad() cut them to six characters).
--
-- kefu_bigrams: the lower-cased character pairs of a text ('上海华信' → {上海,海华,华信}), for the GIN
-- index that finds names containing a two-character term (pg_trgm needs three).
CREATE OR REPLACE FUNCTION kefu_bigrams(t text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s text := lower(t);
  pairs text[] := '{}';
BEGIN
  FOR i IN 1 .. length(s) - 1 LOOP
    pairs := pairs || substr(s, i, 2);
  END LOOP;
  RETURN pairs;
END;
$$;
--> statement-breakpoint
DROP INDEX "customers_owner_idx";--> statement-breakpoint
DROP INDEX "customers_updated_idx";--> statement-breakpoint
DROP INDEX "customers_grade_idx";--> statement-breakpoint
DROP INDEX "customers_category_idx";--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "code" SET DEFAULT 'KH' || to_char(nextval('customer_code_seq'), 'FM999999999000000');--> statement-breakpoint
CREATE INDEX "customer_staff_shared_idx" ON "customer_staff" USING btree ("user_id","customer_id") WHERE "customer_staff"."role" <> 'owner';--> statement-breakpoint
CREATE INDEX "customers_region_idx" ON "customers" USING btree ("region","updated_at","id");--> statement-breakpoint
CREATE INDEX "customers_key_idx" ON "customers" USING btree ("updated_at","id") WHERE "customers"."is_key";--> statement-breakpoint
CREATE INDEX "customers_name_bigram_idx" ON "customers" USING gin (kefu_bigrams("name"));--> statement-breakpoint
CREATE INDEX "customers_code_trgm_idx" ON "customers" USING gin ("code" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_email_trgm_idx" ON "customers" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_phone_trgm_idx" ON "customers" USING gin ("phone_normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_owner_idx" ON "customers" USING btree ("owner_id","updated_at","id","merged_into_id");--> statement-breakpoint
CREATE INDEX "customers_updated_idx" ON "customers" USING btree ("updated_at","id");--> statement-breakpoint
CREATE INDEX "customers_grade_idx" ON "customers" USING btree ("grade","updated_at","id");--> statement-breakpoint
CREATE INDEX "customers_category_idx" ON "customers" USING btree ("category_key","updated_at","id");;--> statement-breakpoint
-- A staff row with the role 'owner' is the row of the customer's owner (customers.owner_id); the
-- scoped customer list relies on it (customer_staff_shared_idx leaves those rows out). A second
-- 'owner' given when a customer was created becomes what merging makes of one: a backup.
UPDATE "customer_staff" AS s SET "role" = 'backup'
FROM "customers" AS c
WHERE c."id" = s."customer_id" AND s."role" = 'owner' AND c."owner_id" IS DISTINCT FROM s."user_id";
