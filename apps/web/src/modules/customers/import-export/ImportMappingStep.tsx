import { Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerImport } from '../../../api/types';
import { columnLetter } from './importHelpers';

type Row = { index: number; header: string; samples: string[] };

/** One row per file column: its header and sample values, and the customer field it fills. */
export function ImportMappingStep({
  record,
  columns,
  onChange,
}: {
  record: CustomerImport;
  columns: Record<number, string | undefined>;
  onChange: (next: Record<number, string | undefined>) => void;
}) {
  const { t } = useTranslation('customersImportExport');
  const used = new Set(Object.values(columns).filter(Boolean));
  const rows: Row[] = record.headers.map((header, index) => ({
    index,
    header,
    samples: record.sampleRows
      .map((r) => r[index] ?? '')
      .filter(Boolean)
      .slice(0, 3),
  }));
  const suggested = new Map(Object.entries(record.suggestedMapping).map(([field, index]) => [index, field]));

  return (
    <Table<Row>
      size="small"
      rowKey="index"
      pagination={false}
      dataSource={rows}
      data-testid="import-mapping"
      columns={[
        { title: t('import.column'), key: 'letter', width: 70, render: (_, r) => columnLetter(r.index) },
        {
          title: t('import.header'),
          dataIndex: 'header',
          render: (h: string) => h || <Typography.Text type="secondary">-</Typography.Text>,
        },
        {
          title: t('import.sample'),
          dataIndex: 'samples',
          render: (s: string[]) => <Typography.Text type="secondary">{s.join(' / ') || '-'}</Typography.Text>,
        },
        {
          title: t('import.field'),
          key: 'field',
          width: 260,
          render: (_, r) => (
            <Select<string>
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: '100%' }}
              placeholder={t('import.ignoreColumn')}
              value={columns[r.index]}
              onChange={(field) => onChange({ ...columns, [r.index]: field })}
              options={record.fields.map((f) => ({
                value: f.key,
                label: `${f.label}${f.required ? ' *' : ''}`,
                disabled: used.has(f.key) && columns[r.index] !== f.key,
              }))}
            />
          ),
        },
        {
          title: '',
          key: 'suggested',
          width: 90,
          render: (_, r) =>
            suggested.get(r.index) && suggested.get(r.index) === columns[r.index] ? (
              <Tag>{t('import.suggested')}</Tag>
            ) : null,
        },
      ]}
    />
  );
}
