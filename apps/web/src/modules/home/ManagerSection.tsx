import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HomeManager } from './api';
import { CountCard } from './CountCard';
import { type IntakeKey, intakeLink, managerLinks } from './homeLinks';
import { MonthDelta } from './MonthDelta';
import { RootCauseChart } from './RootCauseChart';

const INTAKE: { key: IntakeKey; alert?: boolean }[] = [
  { key: 'received' },
  { key: 'closed' },
  { key: 'open' },
  { key: 'overdue', alert: true },
  { key: 'major', alert: true },
];

const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 1000) / 10}`);

/** 本月投诉: this month vs last month, SLA achievement, root causes, overdue measures. */
export function ManagerSection({ data }: { data: HomeManager }) {
  const { t } = useTranslation('home');
  return (
    <section data-testid="home-manager">
      <Typography.Title level={5}>
        {t('manager.title')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
          {t('manager.period', { from: data.month.from, to: data.month.to })}
        </Typography.Text>
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {INTAKE.map(({ key, alert }) => (
          <Col key={key} xs={12} sm={8} lg={6} xl={4}>
            <CountCard
              id={`intake-${key}`}
              title={t(`manager.${key}`)}
              definition={t(`manager.${key}Help`)}
              value={data.current[key]}
              to={intakeLink(key, data.month)}
              alert={alert}
              footer={<MonthDelta current={data.current[key]} last={data.last[key]} lowerIsBetter={key !== 'closed'} />}
            />
          </Col>
        ))}
        <Col xs={12} sm={8} lg={6} xl={4}>
          <CountCard
            id="sla-achievement"
            title={t('manager.sla')}
            definition={t('manager.slaHelp')}
            value={percent(data.slaAchievement.current)}
            suffix={data.slaAchievement.current === null ? undefined : '%'}
            to={managerLinks.slaReport}
            footer={
              <MonthDelta
                current={data.slaAchievement.current}
                last={data.slaAchievement.last}
                lowerIsBetter={false}
                percent
              />
            }
          />
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={
              <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
                {t('manager.rootCauses')}
                <Tooltip title={t('manager.rootCausesHelp')}>
                  <QuestionCircleOutlined
                    aria-label={t('manager.rootCausesHelp')}
                    data-testid="home-help-root-causes"
                  />
                </Tooltip>
              </span>
            }
            extra={<Link to={managerLinks.rootCauses}>{t('manager.more')}</Link>}
            data-testid="home-root-causes"
          >
            <RootCauseChart items={data.rootCauses} />
          </Card>
        </Col>
        <Col xs={12} sm={8} lg={6}>
          <CountCard
            id="measures-overdue"
            title={t('manager.measuresOverdue')}
            definition={t('manager.measuresOverdueHelp')}
            value={data.measuresOverdue}
            to={managerLinks.measuresOverdue}
            alert
            footer={
              data.measuresOverdue === 0 ? (
                <Typography.Text type="secondary">{t('manager.measuresNone')}</Typography.Text>
              ) : undefined
            }
          />
        </Col>
      </Row>
    </section>
  );
}
