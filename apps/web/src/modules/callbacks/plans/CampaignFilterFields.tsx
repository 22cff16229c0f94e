import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../auth/useAccess';
import { GRADES } from '../../customers/archive/customFieldFormat';
import { useCategories } from '../../customers/settings/settingsApi';
import { UserSelect } from '../../users/UserSelect';

/**
 * The customers of a round: the customer list's own filters (keyword, kind, grade, category,
 * dedicated manager, region, key customers), with the customer list's labels.
 */
export function CampaignFilterFields() {
  const { t } = useTranslation(['callbacksPlans', 'customers']);
  const access = useAccess();
  const categories = useCategories();
  const name = (field: string) => ['filter', field];
  return (
    <Row gutter={12} data-testid="campaign-filter">
      <Col xs={24} md={12}>
        <Form.Item name={name('q')} label={t('customers:search.keyword')}>
          <Input allowClear placeholder={t('customers:search.keywordHint')} data-testid="campaign-filter-q" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={name('grade')} label={t('customers:fields.grade')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('campaign.anyValue')}
            options={GRADES.map((g) => ({ value: g, label: g }))}
            data-testid="campaign-filter-grade"
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={name('kind')} label={t('customers:fields.kind')}>
          <Select
            allowClear
            placeholder={t('campaign.anyValue')}
            options={[
              { value: 'company', label: t('customers:kind.company') },
              { value: 'person', label: t('customers:kind.person') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={name('isKey')} label={t('customers:fields.isKey')}>
          <Select
            allowClear
            placeholder={t('campaign.anyValue')}
            options={[
              { value: 'true', label: t('customers:keyCustomer.only') },
              { value: 'false', label: t('customers:keyCustomer.not') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={name('categoryKey')} label={t('customers:fields.category')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('campaign.anyValue')}
            loading={categories.isLoading}
            options={categories.items.map((c) => ({ value: c.key, label: c.name }))}
          />
        </Form.Item>
      </Col>
      {access.can('users.read') && (
        <Col xs={24} md={12}>
          <Form.Item name={name('ownerId')} label={t('customers:fields.owner')}>
            <UserSelect allowClear placeholder={t('customers:filters.owner')} />
          </Form.Item>
        </Col>
      )}
      <Col xs={24} md={12}>
        <Form.Item name={name('region')} label={t('customers:fields.region')}>
          <Input allowClear />
        </Form.Item>
      </Col>
    </Row>
  );
}
