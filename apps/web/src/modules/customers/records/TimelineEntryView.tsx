import { ArrowRightOutlined } from '@ant-design/icons';
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDefinition, MilestoneType, TimelineEntry } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { formatCustomValue } from '../archive/customFieldFormat';
import { GradeTag } from '../grading/GradeTag';
import { type ChangeRow, changeRows, evaluationSummary, formatChangeValue, staffSummary } from './timelineFormat';

type Lookups = {
  customFields: CustomFieldDefinition[];
  milestoneTypes: MilestoneType[];
  staffNames: Map<string, string>;
};

const obj = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** One timeline entry: title, who and when, the note, and what changed (before → after). */
export function TimelineEntryView({ entry, lookups }: { entry: TimelineEntry; lookups: Lookups }) {
  const { t, i18n } = useTranslation(['customers', 'common', 'customersRecords', 'customersGrading']);
  const yesNo = { yes: t('yesNo.yes'), no: t('yesNo.no') };
  const after = obj(entry.after);
  const before = obj(entry.before);
  // The server words the title in the reader's language; `titleKey` says which system entry it is.
  const { title, titleKey } = entry;

  const fieldLabel = (path: string) => {
    const [head = path, rest] = path.split(/\.(.*)/);
    if (head === 'customFields' && rest) return lookups.customFields.find((f) => f.key === rest)?.label ?? rest;
    const contact = titleKey?.startsWith('customer.contact_') === true;
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
    return field
      ? formatCustomValue(field, value)
      : formatChangeValue(value, yesNo, t('customersRecords:timeline.separator'));
  };

  // Evaluations and handovers have their own summary below; their snapshots are not field edits.
  const rows = entry.kind === 'evaluation' || entry.kind === 'handover' ? [] : changeRows(entry);
  const evaluation = entry.kind === 'evaluation' ? evaluationSummary(entry) : null;
  const staff =
    titleKey === 'customer.staff_changed'
      ? [
          staffSummary(entry.before, (id) => lookups.staffNames.get(id)),
          staffSummary(entry.after, (id) => lookups.staffNames.get(id)),
        ]
      : null;
  const staffText = (list: string[]) =>
    list
      .map((s) => {
        const [name, role = ''] = s.split('|');
        return t('customersRecords:timeline.staffEntry', {
          name,
          role: t(`staff.roles.${role}` as 'staff.roles.owner', { defaultValue: role }),
        });
      })
      .join(t('customersRecords:timeline.separator')) || '—';

  return (
    <div data-testid="timeline-entry" data-kind={entry.kind}>
      <Space wrap size={8}>
        <Typography.Text strong>{title}</Typography.Text>
        {entry.direction && (
          <Tag>
            {t(`customersRecords:timeline.direction.${entry.direction as 'inbound'}`, {
              defaultValue: entry.direction,
            })}
          </Tag>
        )}
        <Typography.Text type="secondary">
          {formatDateTime(entry.at)} · {entry.actorName ?? t('customersRecords:timeline.system')}
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
                {t('customersGrading:evaluate.total', { score: evaluation.totalScore })}
              </Typography.Text>
            )}
          </Space>
        </div>
      )}
      {titleKey === 'customer.created' && typeof after.kind === 'string' && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('customersRecords:timeline.created', {
            kind: t(`kind.${after.kind === 'person' ? 'person' : 'company'}`),
            count: typeof after.contacts === 'number' ? after.contacts : 0,
          })}
        </Typography.Paragraph>
      )}
      {entry.kind === 'handover' && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('customersRecords:timeline.handover', {
            from: String(before.displayName ?? '-'),
            to: String(after.displayName ?? '-'),
          })}
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
            {
              title: t('customersRecords:timeline.diff.field'),
              dataIndex: 'field',
              width: 160,
              render: (f: string) => fieldLabel(f),
            },
            {
              title: t('customersRecords:timeline.diff.before'),
              dataIndex: 'before',
              render: (v, row) => <Typography.Text delete>{valueText(row, v)}</Typography.Text>,
            },
            {
              title: t('customersRecords:timeline.diff.after'),
              dataIndex: 'after',
              render: (v, row) => valueText(row, v),
            },
          ]}
        />
      )}
    </div>
  );
}
