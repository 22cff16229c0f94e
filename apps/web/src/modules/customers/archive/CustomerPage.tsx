import { EditOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, Col, Result, Row, Space, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { PageLoading } from '../../../components/PageLoading';
import { useAccess } from '../../auth/useAccess';
import { CustomerNotificationCard } from '../../notifications/customer/CustomerNotificationCard';
import { DuplicatesPanel } from '../duplicates/DuplicatesPanel';
import { EvaluateModal } from '../grading/EvaluateModal';
import { GradePanel } from '../grading/GradePanel';
import { GradeTag, KeyMark } from '../grading/GradeTag';
import { ContactsPanel } from '../records/ContactsPanel';
import { FiguresPanel } from '../records/FiguresPanel';
import { MilestonesPanel } from '../records/MilestonesPanel';
import { StaffPanel } from '../records/StaffPanel';
import { TimelinePanel } from '../records/TimelinePanel';
import { CustomerEditDrawer } from './CustomerEditDrawer';
import { CustomerProfile } from './CustomerProfile';
import { useCustomer } from './useCustomer';

const TABS = ['profile', 'timeline', 'milestones', 'grade', 'figures', 'duplicates'] as const;
type Tab = (typeof TABS)[number];

/** The customer file: profile, contacts and staff, timeline, milestones, grades, figures, duplicates. */
export function CustomerPage() {
  const { t } = useTranslation(['customers', 'common', 'customersGrading', 'tickets']);
  const { id = '' } = useParams();
  const access = useAccess();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [evaluating, setEvaluating] = useState(false);
  const query = useCustomer(id);
  const customer = query.data;
  const canWrite = access.can('customers.write');
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'profile';

  if (query.isLoading) return <PageLoading />;
  if (!customer) {
    return (
      <Result
        status="404"
        title={t('detail.notFound')}
        subTitle={query.error?.message}
        extra={
          <Link to="/customers">
            <Button type="primary">{t('detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const tabs = [
    {
      key: 'profile',
      label: t('detail.tabs.profile'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Card size="small">
            <CustomerProfile customer={customer} />
          </Card>
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <Card size="small" title={t('contacts.title')}>
                <ContactsPanel customer={customer} canWrite={canWrite} />
              </Card>
            </Col>
            <Col xs={24} xl={8}>
              <Space direction="vertical" style={{ width: '100%' }} size="middle">
                <Card size="small" title={t('staff.title')}>
                  <StaffPanel customer={customer} canWrite={canWrite} />
                </Card>
                <CustomerNotificationCard customerId={customer.id} canWrite={canWrite} />
              </Space>
            </Col>
          </Row>
        </Space>
      ),
    },
    {
      key: 'timeline',
      label: t('detail.tabs.timeline'),
      children: <TimelinePanel customer={customer} canWrite={canWrite} />,
    },
    {
      key: 'milestones',
      label: t('detail.tabs.milestones'),
      children: <MilestonesPanel customerId={customer.id} canWrite={canWrite} />,
    },
    { key: 'grade', label: t('detail.tabs.grade'), children: <GradePanel customerId={customer.id} /> },
    {
      key: 'figures',
      label: t('detail.tabs.figures'),
      children: <FiguresPanel customerId={customer.id} canWrite={canWrite} />,
    },
    {
      key: 'duplicates',
      label: t('detail.tabs.duplicates'),
      children: <DuplicatesPanel customer={customer} canMerge={access.can('customers.merge')} />,
    },
  ];

  return (
    <PageContainer
      title={
        <Space>
          <span data-testid="customer-title">{customer.name}</span>
          <GradeTag grade={customer.grade} />
          <KeyMark isKey={customer.isKey} grade={customer.grade} />
        </Space>
      }
      subTitle={`${customer.code} · ${t(`kind.${customer.kind}`)}`}
      onBack={() => window.history.back()}
      extra={[
        access.can('tickets.write') && (
          <Button
            key="new-ticket"
            icon={<PlusOutlined />}
            onClick={() => navigate(`/tickets/new?customerId=${customer.id}`)}
            data-testid="customer-new-ticket"
          >
            {t('tickets:create.title')}
          </Button>
        ),
        access.can('customers.evaluate') && (
          <Button
            key="evaluate"
            icon={<TrophyOutlined />}
            onClick={() => setEvaluating(true)}
            data-testid="customer-evaluate"
          >
            {t('customersGrading:evaluate.action')}
          </Button>
        ),
        canWrite && (
          <Button
            key="edit"
            type="primary"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="customer-edit"
          >
            {t('common:actions.edit')}
          </Button>
        ),
      ]}
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch(key === 'profile' ? {} : { tab: key }, { replace: true })}
          items={tabs}
          destroyOnHidden
        />
      </Card>
      {canWrite && <CustomerEditDrawer customer={customer} open={editing} onClose={() => setEditing(false)} />}
      {access.can('customers.evaluate') && (
        <EvaluateModal customer={customer} open={evaluating} onClose={() => setEvaluating(false)} />
      )}
    </PageContainer>
  );
}
