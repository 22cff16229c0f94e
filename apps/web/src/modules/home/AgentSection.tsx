import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HomeAgent } from './api';
import { CountCard } from './CountCard';
import { agentLinks, queueLink } from './homeLinks';

/** 我的工作: my open tickets, overdue, due today (callbacks when that module exists). */
export function AgentSection({ data }: { data: HomeAgent }) {
  const { t } = useTranslation('home');
  const cards = [
    { id: 'my-open', key: 'myOpen', value: data.myOpen, to: agentLinks.myOpen },
    { id: 'my-overdue', key: 'overdue', value: data.overdue, to: agentLinks.overdue, alert: true },
    { id: 'my-due-today', key: 'dueToday', value: data.dueToday, to: agentLinks.dueToday },
  ] as const;
  return (
    <section data-testid="home-agent">
      <Typography.Title level={5}>{t('agent.title')}</Typography.Title>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.id} xs={12} sm={8} lg={6}>
            <CountCard
              id={c.id}
              title={t(`agent.${c.key}`)}
              definition={t(`agent.${c.key}Help`)}
              value={c.value}
              to={c.to}
              alert={'alert' in c ? c.alert : undefined}
            />
          </Col>
        ))}
        {data.callbacksToday !== null ? (
          <Col xs={12} sm={8} lg={6}>
            <CountCard
              id="callbacks-today"
              title={t('agent.callbacksToday')}
              definition={t('agent.callbacksTodayHelp')}
              value={data.callbacksToday}
              to="/callbacks/today"
            />
          </Col>
        ) : null}
      </Row>
      {data.myOpen === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="home-agent-empty">
          {t('agent.empty')} <Link to="/tickets/new">{t('agent.emptyNew')}</Link>
          {' · '}
          <Link to={queueLink({ queue: 'all', open: true })}>{t('agent.emptyQueue')}</Link>
        </Typography.Paragraph>
      ) : null}
    </section>
  );
}
