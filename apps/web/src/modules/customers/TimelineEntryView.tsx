import { ArrowRightOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition, MilestoneType, TimelineEntry } from '../../api/types';
import { formatDateTime } from '../../components/format';
import { formatCustomValue } from './customFieldFormat';
import { GradeTag } from './GradeTag';
import { type ChangeRow, changeRows, evaluationSummary, formatChangeValue, staffSummary } from './timelineFormat';

const SYSTEM_TITLES = [
  'customer.created',
  'customer.updated',
  'customer.imported',
  'customer.contact_added',
  'customer.contact_updated',
  'customer.contact_removed',
  'customer.staff_changed',
  'customer.figures_updated',
  'customer.grade_changed',
  'customer.evaluated',
  'customer.milestone_removed',
  'customer.merged',
  'customer.handover',
] as const;
type SystemTitle = (typeof SYSTEM_TITLES)[number];
const isSystemTitle = (title: string): title is SystemTitle => (SYSTEM_TITLES as readonly string[]).includes(title);

type Lookups = {
  customFields: CustomFieldDefinition[];
  milestoneTypes: MilestoneType[];
  staffNames: Map<string, string>;
};

const obj = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** One timeline entry: title, who and when, the note, and what changed (before → after). */
export function TimelineEntryView({ entry, lookups }: { entry: TimelineEntry; lookups: Lookups }) {
  const { t, i18n } = useTranslation(['customers', 'common']);
  const yesNo = { yes: t('yesNo.yes'), no: t('yesNo.no') };
  const after = obj(entry.after);
  const before = obj(entry.before);

  const fieldLabel = (path: string) => {
    const [head = path, rest] = path.split(/\.(.*)/);
    if (head === 'customFields' && rest) return lookups.customFields.find((f) => f.key === rest)?.label ?? rest;
    const contact = entry.title.startsWith('customer.contact_');
    if (contact && i18n.exists(`customers:contacts.fields.${head}`))
      return t(`contacts.fields.${head}` as 'contacts.fields.name');
    if (i18n.exists(`customers:fields.${head}`)) return t(`fields.${head}` as 'fields.name');
    return path;
  };
  const valueText = (row: ChangeRow, value: unknown) => {
    const field = row.field.startsWith('customFields.')
      ? lookups.customFields.find((f) => `customFields.${f.key}` === row.field)
      : undefined;
    if (row.field === 'kind' && (value === 'company' || value === 'person')) return t(`kind.${value}`);
    return field ? formatCustomValue(field, value) : formatChangeValue(value, yesNo, t('timeline.separator'));
  };

  let title = entry.title;
  if (entry.kind === 'milestone' && !isSystemTitle(entry.title) && typeof after.typeKey === 'string') {
    const type = lookups.milestoneTypes.find((m) => m.key === after.typeKey);
    title = t('timeline.milestoneSet', { name: type?.name ?? entry.title, date: String(after.date ?? '') });
  } else if (entry.title === 'customer.milestone_removed') {
    const type = lookups.milestoneTypes.find((m) => m.key === before.typeKey);
    title = t('timeline.milestoneRemoved', {
      name: type?.name ?? String(before.typeKey ?? ''),
      date: String(before.date ?? ''),
    });
  } else if (isSystemTitle(entry.title)) {
    title = t(`timeline.titles.${entry.title.replace('.', '_') as 'customer_created'}`);
  }

  // Evaluations and handovers have their own summary below; their snapshots are not field edits.
  const rows = entry.kind === 'evaluation' || entry.kind === 'handover' ? [] : changeRows(entry);
  const evaluation = entry.kind === 'evaluation' ? evaluationSummary(entry) : null;
  const staff =
    entry.title === 'customer.staff_changed'
      ? [
          staffSummary(entry.before, (id) => lookups.staffNames.get(id)),
          staffSummary(entry.after, (id) => lookups.staffNames.get(id)),
        ]
      : null;
  const staffText = (list: string[]) =>
    list
      .map((s) => {
        const [name, role = ''] = s.split('|');
        return t('timeline.staffEntry', {
          name,
          role: t(`staff.roles.${role}` as 'staff.roles.owner', { defaultValue: role }),
        });
      })
      .join(t('timeline.separator')) || '—';

  return (
    <div data-testid="timeline-entry" data-kind={entry.kind}>
      <Space wrap size={8}>
        <Typography.Text strong>{title}</Typography.Text>
        {entry.direction && (
          <Tag>{t(`timeline.direction.${entry.direction as 'inbound'}`, { defaultValue: entry.direction })}</Tag>
        )}
        <Typography.Text type="secondary">
          {formatDateTime(entry.at)} · {entry.actorName ?? t('timeline.system')}
        </Typography.Text>
      </Space>
      {entry.body && (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>{entry.body}</Typography.Paragraph>
      )}
      {evaluation && (
        <div style={{ marginTop: 4 }}>
          <Space data-testid="timeline-grade-change">
            <GradeTag grade={evaluation.gradeBefore} />
            <ArrowRightOutlined />
            <GradeTag grade={evaluation.gradeAfter} />
            {evaluation.totalScore !== null && (
              <Typography.Text type="secondary">
                {t('evaluate.total', { score: evaluation.totalScore })}
              </Typography.Text>
            )}
          </Space>
        </div>
      )}
      {entry.title === 'customer.created' && typeof after.kind === 'string' && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('timeline.created', {
            kind: t(`kind.${after.kind === 'person' ? 'person' : 'company'}`),
            count: typeof after.contacts === 'number' ? after.contacts : 0,
          })}
        </Typography.Paragraph>
      )}
      {entry.kind === 'handover' && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('timeline.handover', { from: String(before.displayName ?? '-'), to: String(after.displayName ?? '-') })}
        </Typography.Paragraph>
      )}
      {staff && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {staffText(staff[0] ?? [])} <ArrowRightOutlined /> {staffText(staff[1] ?? [])}
        </Typography.Paragraph>
      )}
      {rows.length > 0 && (
        <Table<ChangeRow>
          size="small"
          rowKey="field"
          pagination={false}
          style={{ marginTop: 6, maxWidth: 720 }}
          dataSource={rows}
          data-testid="timeline-diff"
          columns={[
            { title: t('timeline.diff.field'), dataIndex: 'field', width: 160, render: (f: string) => fieldLabel(f) },
            {
              title: t('timeline.diff.before'),
              dataIndex: 'before',
              render: (v, row) => <Typography.Text delete>{valueText(row, v)}</Typography.Text>,
            },
            { title: t('timeline.diff.after'), dataIndex: 'after', render: (v, row) => valueText(row, v) },
          ]}
        />
      )}
    </div>
  );
}
