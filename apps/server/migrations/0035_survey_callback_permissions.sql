-- Issue 15: the callback and survey permissions, granted to the built-in roles as DEFAULT_ROLES lists them.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['callbacks.work', 'callbacks.manage', 'surveys.manage', 'surveys.report']) ORDER BY 1) WHERE key = 'admin';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['callbacks.work', 'callbacks.manage', 'surveys.manage', 'surveys.report']) ORDER BY 1) WHERE key = 'department_manager';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['callbacks.work', 'callbacks.manage', 'surveys.report']) ORDER BY 1) WHERE key = 'supervisor';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['surveys.report']) ORDER BY 1) WHERE key = 'general_manager';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['callbacks.work']) ORDER BY 1) WHERE key = 'agent';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['callbacks.work', 'surveys.report']) ORDER BY 1) WHERE key = 'callback_specialist';
