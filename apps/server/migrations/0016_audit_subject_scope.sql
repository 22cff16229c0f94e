ALTER TABLE "audit_log" ADD COLUMN "subject_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "subject_department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_subject_users_idx" ON "audit_log" USING gin ("subject_user_ids");--> statement-breakpoint
CREATE INDEX "audit_log_subject_departments_idx" ON "audit_log" USING gin ("subject_department_ids");