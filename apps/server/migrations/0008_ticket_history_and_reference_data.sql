-- 记清楚: the ticket history is append-only, like the audit log.
CREATE OR REPLACE FUNCTION kefu_ticket_history_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ticket_history is append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER ticket_history_no_update_delete BEFORE UPDATE OR DELETE ON ticket_history
  FOR EACH ROW EXECUTE FUNCTION kefu_ticket_history_immutable();
--> statement-breakpoint
CREATE TRIGGER ticket_history_no_truncate BEFORE TRUNCATE ON ticket_history
  FOR EACH STATEMENT EXECUTE FUNCTION kefu_ticket_history_immutable();
--> statement-breakpoint
-- Reference data of the tickets module: administrators may edit all of it afterwards.
INSERT INTO ticket_types (key, name, name_en, is_complaint, skill, sort_order) VALUES
  ('consultation', '咨询', 'Consultation', false, NULL, 1),
  ('complaint', '投诉', 'Complaint', true, 'complaint', 2),
  ('suggestion', '建议', 'Suggestion', false, NULL, 3),
  ('service', '报修/服务', 'Service / repair', false, 'repair', 4),
  ('other', '其他', 'Other', false, NULL, 9)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO ticket_root_causes (key, name, name_en, sort_order) VALUES
  ('product_quality', '产品质量', 'Product quality', 1),
  ('delivery_delay', '交付/配送延误', 'Late delivery', 2),
  ('installation', '安装/维修不到位', 'Installation or repair workmanship', 3),
  ('service_attitude', '服务态度', 'Service attitude', 4),
  ('communication', '信息告知不清', 'Unclear information', 5),
  ('process', '流程/制度缺陷', 'Process gap', 6),
  ('billing', '收费/账单', 'Billing', 7),
  ('customer_misunderstanding', '客户误解', 'Customer misunderstanding', 8),
  ('other', '其他', 'Other', 9)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
-- Databases created before this module: give the built-in roles their new permissions (new
-- databases get them from the role defaults when the roles are first created).
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || CASE key
    WHEN 'general_manager' THEN ARRAY['tickets.read', 'phrases.read']
    WHEN 'department_manager' THEN ARRAY['tickets.read', 'tickets.write', 'tickets.assign', 'tickets.supervise', 'phrases.read', 'phrases.review']
    WHEN 'supervisor' THEN ARRAY['tickets.read', 'tickets.write', 'tickets.assign', 'tickets.supervise', 'phrases.read', 'phrases.review']
    WHEN 'assistant' THEN ARRAY['tickets.read', 'tickets.write', 'phrases.read']
    WHEN 'clerk' THEN ARRAY['tickets.read', 'phrases.read']
    ELSE ARRAY['tickets.read', 'tickets.write', 'phrases.read']
  END) ORDER BY 1)
WHERE is_system AND key <> 'admin';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['tickets.read', 'tickets.write', 'tickets.assign', 'tickets.supervise', 'tickets.settings', 'phrases.read', 'phrases.manage', 'phrases.review']) ORDER BY 1)
WHERE key = 'admin';
