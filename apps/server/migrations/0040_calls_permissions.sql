-- Issue 16: the call permissions, granted to the built-in roles as DEFAULT_ROLES lists them.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['calls.read', 'calls.import', 'calls.manage']) ORDER BY 1) WHERE key = 'admin';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['calls.read', 'calls.import', 'calls.manage']) ORDER BY 1) WHERE key = 'department_manager';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['calls.read', 'calls.import', 'calls.manage']) ORDER BY 1) WHERE key = 'supervisor';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['calls.read']) ORDER BY 1) WHERE key = 'general_manager';
