-- Reference data of the customer archive: administrators may edit all of it afterwards.
INSERT INTO customer_categories (key, name, name_en, is_special, sort_order) VALUES
  ('dealer', '经销商', 'Dealer', false, 1),
  ('distributor', '分销商', 'Distributor', false, 2),
  ('partner', '合作伙伴', 'Partner', false, 3),
  ('end_customer', '终端客户', 'End customer', false, 4),
  ('lawyer', '律师', 'Lawyer', true, 10),
  ('finance_adviser', '财务顾问', 'Finance adviser', true, 11),
  ('advertising', '广告公司', 'Advertising agency', true, 12),
  ('pr', '公关公司', 'PR agency', true, 13),
  ('bank', '银行', 'Bank', true, 14),
  ('insurer', '保险公司', 'Insurer', true, 15)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO milestone_types (key, name, name_en, applies_to, sort_order) VALUES
  ('booking', '预订', 'Booking', 'customer', 1),
  ('shoot', '拍摄', 'Shoot', 'customer', 2),
  ('sample_viewing', '看样', 'Sample viewing', 'customer', 3),
  ('pickup', '取件', 'Pickup', 'customer', 4),
  ('wedding_day', '婚礼日', 'Wedding day', 'customer', 5),
  ('birthday', '生日', 'Birthday', 'customer', 6),
  ('order', '下单', 'Order', 'order', 10),
  ('delivery', '交付', 'Delivery', 'order', 11),
  ('installation', '安装', 'Installation', 'order', 12),
  ('warranty_end', '保修到期', 'Warranty end', 'order', 13)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO evaluation_criteria (key, name, name_en, weight, sort_order) VALUES
  ('business_importance', '业务重要性', 'Business importance', 40, 1),
  ('market_influence', '市场影响力', 'Market influence', 20, 2),
  ('payment_timeliness', '回款及时性', 'Payment timeliness', 20, 3),
  ('satisfaction', '客户满意度', 'Satisfaction', 20, 4)
ON CONFLICT (key) DO NOTHING;
--> statement-breakpoint
INSERT INTO grade_bands (grade, min_score) VALUES ('A', 85), ('B', 70), ('C', 55), ('D', 0)
ON CONFLICT (grade) DO NOTHING;
--> statement-breakpoint
-- Installations that existed before the customer archive: grant its permissions to the built-in roles.
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || CASE key
    WHEN 'general_manager' THEN ARRAY['customers.read','customers.export']
    WHEN 'department_manager' THEN ARRAY['customers.read','customers.write','customers.export','customers.import','customers.evaluate','customers.handover','customers.merge']
    WHEN 'supervisor' THEN ARRAY['customers.read','customers.write','customers.export','customers.evaluate','customers.handover']
    WHEN 'assistant' THEN ARRAY['customers.read','customers.write','customers.import','customers.export']
    WHEN 'agent' THEN ARRAY['customers.read','customers.write']
    WHEN 'front_desk' THEN ARRAY['customers.read','customers.write']
    ELSE ARRAY['customers.read'] END)), updated_at = now()
  WHERE is_system AND key <> 'admin';
--> statement-breakpoint
UPDATE roles SET permissions = ARRAY(SELECT DISTINCT unnest(permissions || ARRAY['customers.read','customers.write','customers.export','customers.import','customers.evaluate','customers.handover','customers.merge','customers.settings'])), updated_at = now()
  WHERE key = 'admin';
