/**
 * Server text in Chinese: notifications, system lines, customer-timeline and ticket-history titles,
 * labels, import row messages. Keys are stable; `{param}` placeholders are filled by `t()` (a param
 * may itself be a message reference, a `{ 'zh-CN', en }` literal or a list). The English catalog
 * (`en.ts`) must have every key with the same placeholders (checked by the type and a unit test).
 */
export const zhCN = {
  'list.separator': '、',
  'label.yes': '是',
  'label.no': '否',
  'label.none': '—',

  // Notifications (in-app, e-mail, SMS)
  'notice.ticket_assigned': '新工单 {number} 分派给您：{subject}',
  'notice.ticket_classified': '工单 {number} 已转交本部门：{subject}',
  'notice.major_complaint.subject': '重大投诉 {number}：{subject}',
  'notice.major_complaint.body': '工单 {number} 被标记为重大投诉，请立即关注。\n{description}',
  'notice.measure.subject': '整改措施：{title}',
  'notice.measure.body': '{actor} 请您负责工单 {number}（{subject}）的整改措施“{title}”，完成期限 {dueDate}。',
  'notice.handover.subject': '{from} 的工作已交接给您',
  'notice.handover.body': '您已接收 {from} 交接的工作：{parts}。交接原因：{reason}',
  'notice.handover.part': '{label} {count} 项',
  'notice.access_request.subject': '访问申请：{requester} 请求共享客户 {code} {name}',
  'notice.access_request.body':
    '{requester}（{department}）录入的客户与您团队的客户 {code} {name} 的{fields}相同，请求共享该客户。如同意，请在客户档案中将其加入对接人员。',
  'notice.access_request.body_with_note':
    '{requester}（{department}）录入的客户与您团队的客户 {code} {name} 的{fields}相同，请求共享该客户。如同意，请在客户档案中将其加入对接人员。\n备注：{note}',
  'notice.customer_handover.subject': '客服对接人变更通知',
  'notice.customer_handover.template':
    '尊敬的{customerName}：您好！因工作安排调整，自即日起您的客服对接人由{previousContact}变更为{newContact}，' +
    '联系电话：{newContactPhone}。此前的服务事项均已交接完毕，如有任何需要，欢迎随时与{newContact}联系。' +
    '感谢您一直以来的信任与支持！',

  // System lines written into a ticket's conversation
  'ticket.line.merged_from': '合并自 {number}：{subject}\n\n{description}',
  'ticket.line.resolution': '处理过程：{process}\n处理结果：{result}',

  // Customer timeline titles
  'timeline.customer.created': '建立客户档案',
  'timeline.customer.updated': '修改客户资料',
  'timeline.customer.imported': '从文件导入',
  'timeline.customer.contact_added': '添加联系人',
  'timeline.customer.contact_updated': '修改联系人',
  'timeline.customer.contact_removed': '删除联系人',
  'timeline.customer.staff_changed': '调整对接人员',
  'timeline.customer.figures_updated': '更新经营数据',
  'timeline.customer.grade_changed': '等级评定：等级变更',
  'timeline.customer.evaluated': '等级评定：等级不变',
  'timeline.customer.milestone_set': '里程碑：{name}（{date}）',
  'timeline.customer.milestone_removed': '删除里程碑：{name}（{date}）',
  'timeline.customer.merged': '合并重复客户',
  'timeline.customer.handover': '客户交接',
  'timeline.ticket.created': '新建工单 {number}',
  'timeline.ticket.status_changed': '工单 {number}：{from} → {to}',
  'timeline.ticket.inbound': '工单 {number}：客户来信',
  'timeline.ticket.reply': '工单 {number}：答复客户',
  'timeline.ticket.system': '工单 {number}：系统消息',
  'timeline.other': '其他记录',

  // Ticket history
  'history.created': '创建工单',
  'history.updated': '修改',
  'history.next_reply_promised': '约定下次回复',
  'history.major_reported': '上报重大投诉',
  'history.assigned': '分派',
  'history.linked': '关联工单 {number}',
  'history.unlinked': '取消关联 {number}',
  'history.attachment_added': '上传附件',
  'history.attachment_removed': '删除附件',
  'history.measure_added': '添加整改措施',
  'history.measure_updated': '更新整改措施',
  'history.merged_from': '合并重复工单 {number}',
  'history.merged_into': '被合并到工单 {number}',
  'history.watcher_added': '添加关注人',
  'history.watcher_removed': '移除关注人',
  'history.transition': '状态变更：{action}',
  'history.other': '其他操作',
  'history.note.assign': '分派方式：{strategy}',
  'history.note.bulk': '批量操作',
  // Why a row of a customer import was refused or flagged (stored as a code, worded when read)
  'import.row.required': '必填项为空。',
  'import.row.too_long': '内容过长（最多 {max} 个字符）。',
  'import.row.invalid_phone': '“{value}”不是有效的电话号码。',
  'import.row.invalid_email': '“{value}”不是有效的电子邮箱。',
  'import.row.invalid_postal_code': '邮编应为 6 位数字（“{value}”）。',
  'import.row.invalid_date': '“{value}”不是有效日期，请用 YYYY-MM-DD 格式。',
  'import.row.invalid_number': '“{value}”不是有效的数字。',
  'import.row.invalid_kind': '类型“{value}”无效，应为“公司”或“个人”。',
  'import.row.invalid_grade': '等级“{value}”无效，应为 A、B、C 或 D。',
  'import.row.invalid_boolean': '“{value}”无效，请填“是”或“否”。',
  'import.row.unknown_category': '客户类别“{value}”不存在或已停用。',
  'import.row.unknown_user': '用户“{value}”不存在或已停用（请填用户名）。',
  'import.row.key_needs_two_staff': '重点客户至少需要两名对接人员：请在“协办客服”列填写第二位人员的用户名。',
  'import.row.custom_field_invalid': '自定义字段取值无效（可选值：{reason}）。',
  'import.row.custom_field_required': '自定义字段为必填项。',
  'import.row.duplicate_in_file': '与文件第 {inFileRow} 行重复（{field}）。',
  'import.row.duplicate_in_database': '与已有客户 {codes} 重复（{field}）。',
  'import.row.duplicate_elsewhere':
    '与 {count} 位归属其他团队的客户重复（{field}），您无权查看；请联系 {contacts} 共享。',
} as const;
