import { Empty, Space, Switch, Table, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { type DiffKind, type DiffRow, diffJson, formatValue } from './jsonDiff';

/** Expanded audit row: before → after per field, changes first, unchanged fields on request. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation('audit');
  const { token } = theme.useToken();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const rows = diffJson(entry.before, entry.after);
  const visible = showUnchanged ? rows : rows.filter((row) => row.kind !== 'unchanged');
  const tint: Record<DiffKind, string | undefined> = {
    added: token.colorSuccessBg,
    removed: token.colorErrorBg,
    changed: token.colorWarningBg,
    unchanged: undefined,
  };
  const cell = (value: unknown) =>
    value === undefined ? null : (
      <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {formatValue(value)}
      </Typography.Text>
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Typography.Text type="secondary">
          {t('fields.ip')}: {entry.ip ?? '-'}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('fields.requestId')}: {entry.requestId ?? '-'}
        </Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 480 }}>
          {t('fields.userAgent')}: {entry.userAgent ?? '-'}
        </Typography.Text>
        <Space>
          <Switch size="small" checked={showUnchanged} onChange={setShowUnchanged} />
          {t('diff.showUnchanged')}
        </Space>
      </Space>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('diff.empty')} />
      ) : (
        <Table<DiffRow>
          size="small"
          rowKey="path"
          pagination={false}
          dataSource={visible}
          onRow={(row) => ({ style: { background: tint[row.kind] } })}
          columns={[
            { title: t('diff.field'), dataIndex: 'path', width: 220 },
            { title: t('diff.before'), dataIndex: 'before', render: cell },
            { title: t('diff.after'), dataIndex: 'after', render: cell },
            {
              title: t('diff.kind'),
              dataIndex: 'kind',
              width: 100,
              render: (kind: DiffKind) => t(`diff.kinds.${kind}`),
            },
          ]}
        />
      )}
    </Space>
  );
}
