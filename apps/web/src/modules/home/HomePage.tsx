import { PageContainer } from '@ant-design/pro-components';
import { Avatar, Card, Col, Descriptions, Row, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { filterRoutes } from '../../layouts/menu';
import { menuIcon } from '../../layouts/menuIcons';
import { type AppRoute, appRoutes } from '../../routes';
import { useAccess } from '../auth/useAccess';
import { useCurrentUser } from '../auth/useCurrentUser';

function greetingKey(hour: number) {
  if (hour < 12) return 'greeting.morning' as const;
  if (hour < 18) return 'greeting.afternoon' as const;
  return 'greeting.evening' as const;
}

/**
 * Every page (other than this one) the user may open, from the same route data as the menu; pages
 * of one record (`/customers/:id`) need an id and are reached from their list instead.
 */
function leafRoutes(routes: AppRoute[]): AppRoute[] {
  return routes.flatMap((route) => [
    ...(route.element && route.path !== '/' && !route.path.includes(':') ? [route] : []),
    ...leafRoutes(route.children ?? []),
  ]);
}

/** 工作台: who I am, what I may see, and shortcuts to what my permissions allow. */
export function HomePage() {
  const { t } = useTranslation(['home', 'common', 'menu']);
  const { token } = theme.useToken();
  const { data: me } = useCurrentUser();
  const access = useAccess();
  const links = useMemo(() => leafRoutes(filterRoutes(appRoutes, access)), [access]);
  if (!me) return null;

  return (
    <PageContainer title={false}>
      <Card>
        <div style={{ display: 'flex', gap: token.marginLG, alignItems: 'center', flexWrap: 'wrap' }}>
          <Avatar size={64} style={{ background: token.colorPrimary, fontSize: 28 }}>
            {me.displayName.slice(0, 1)}
          </Avatar>
          <div style={{ flex: 1, minWidth: 240 }}>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t(greetingKey(new Date().getHours()), { name: me.displayName })}
            </Typography.Title>
            <Descriptions size="small" column={{ xs: 1, sm: 2, md: 2, lg: 4, xl: 4, xxl: 4 }}>
              <Descriptions.Item label={t('common:fields.role')}>{me.role.name}</Descriptions.Item>
              <Descriptions.Item label={t('common:fields.department')}>
                {me.department?.name ?? t('noDepartment')}
              </Descriptions.Item>
              <Descriptions.Item label={t('common:fields.superior')}>
                {me.superior?.displayName ?? '-'}
              </Descriptions.Item>
              <Descriptions.Item label={t('common:fields.dataScope')}>
                {t(`common:dataScope.${me.dataScope}`)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary">{t(`scopeExplain.${me.dataScope}`)}</Typography.Text>
          </div>
        </div>
      </Card>
      <Typography.Title level={5} style={{ marginTop: token.marginLG }}>
        {t('quickLinks')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {links.map((route) => (
          <Col key={route.path} xs={24} sm={12} lg={8} xl={6}>
            <Link to={route.path}>
              <Card hoverable size="small" style={{ height: '100%' }}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24, color: token.colorPrimary }}>{menuIcon(route)}</span>}
                  title={route.nameKey ? t(`menu:${route.nameKey}`) : route.path}
                  description={route.nameKey ? t(`links.${route.nameKey}`) : null}
                />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
    </PageContainer>
  );
}
