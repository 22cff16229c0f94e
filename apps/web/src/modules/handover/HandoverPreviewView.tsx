import { Alert, Badge, Card, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HandoverPreview } from '../../api/types';
import { GradeTag } from '../customers/grading/GradeTag';

type Item = HandoverPreview['contributions'][number]['items'][number];

/** What would move, kind by kind: counts, the first items, and warnings to act on. */
export function HandoverPreviewView({ preview }: { preview: HandoverPreview }) {
  const { t } = useTranslation(['handover', 'customers']);
  const total = preview.contributions.reduce((sum, c) => sum + c.count, 0);
  const role = (r: string | null | undefined) =>
    r ? t(`customers:staff.roles.${r as 'owner'}`, { defaultValue: r }) : '-';
  const columns = (kind: string) => [
    {
      title: t('preview.customer'),
      key: 'name',
      render: (_: unknown, item: Item) => (
        <Link to={`/customers/${item.id}`} target="_blank">
          {item.code} {item.name}
        </Link>
      ),
    },
    {
      title: t('customers:fields.grade'),
      key: 'grade',
      render: (_: unknown, item: Item) => <GradeTag grade={item.grade} />,
    },
    {
      title: t('preview.role'),
      key: 'role',
      // Owned customers: the leaving user is their account manager.
      render: (_: unknown, item: Item) => role(item.role ?? (kind === 'customers' ? 'owner' : null)),
    },
    {
      title: t('preview.successorRole'),
      key: 'successorRole',
      render: (_: unknown, item: Item) => role(item.successorRole),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="handover-preview">
      <Typography.Text>
        {t('preview.summary', { from: preview.from.displayName, to: preview.to.displayName, count: total })}
      </Typography.Text>
      {!preview.from.isActive && <Alert type="info" showIcon message={t('preview.fromInactive')} />}
      {total === 0 && <Alert type="warning" showIcon message={t('preview.nothing')} />}
      {preview.contributions.map((c) => (
        <Card
          key={c.kind}
          size="small"
          title={
            <Space>
              {c.label}
              <Badge count={c.count} showZero color={c.count ? 'blue' : 'gray'} overflowCount={9999} />
            </Space>
          }
        >
          {c.warnings.map((w) => (
            <Alert
              key={w.code}
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={t(`preview.warnings.${w.code as 'key_customer_short_of_staff'}`, {
                count: w.count,
                defaultValue: w.code,
              })}
              description={w.items.map((i) => (
                <Tag key={i.id}>
                  {i.code} {i.name}
                </Tag>
              ))}
            />
          ))}
          {c.count > 0 && (
            <Table<Item>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={c.items}
              columns={columns(c.kind)}
              scroll={{ y: 280 }}
            />
          )}
          {c.count > c.items.length && (
            <Typography.Text type="secondary">
              {t('preview.more', { shown: c.items.length, count: c.count })}
            </Typography.Text>
          )}
        </Card>
      ))}
    </Space>
  );
}
