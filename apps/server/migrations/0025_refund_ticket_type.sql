-- Refunds get a type of their own (seed 002: back within 2–3 days, never beyond 15 working days);
-- the SLA defaults give it its time limit.
INSERT INTO ticket_types (key, name, name_en, is_complaint, skill, sort_order) VALUES
  ('refund', '退款', 'Refund', false, NULL, 5)
ON CONFLICT (key) DO NOTHING;
