import { QuestionCircleOutlined } from '@ant-design/icons';
import { Badge, Col, Progress, Row, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyHint } from '../../components/EmptyHint';
import type { HomeSupervisor } from './api';
import { CountCard } from './CountCard';
import { queueLink, supervisorLinks } from './homeLinks';

const STATUS_BADGE = { on_shift: 'success', away: 'warning', off: 'default' } as const;
/** The list shows this many people; the agent board has everyone. */
const MAX_PEOPLE = 8;

type Person = HomeSupervisor['agents'][number];

/** One person: status, name, open tickets (a bar against the busiest person) and overdue. */
function PersonLoad({ person, maxLoad }: { person: Person; maxLoad: number }) {
  const { t } = useTranslation('home');
  const { token } = theme.useToken();
  const percent = maxLoad > 0 ? Math.round((person.load / maxLoad) * 100) : 0;
  return (
    <li
      data-testid="home-person"
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 7em) minmax(0, 1fr) auto',
        gap: 8,
        alignItems: 'center',
      }}
    >
      <span style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        <Badge status={STATUS_BADGE[person.status]} /> {person.displayName}
      </span>
      <Tooltip title={t('supervisor.loadHelp', { load: person.load })}>
        <Progress
          percent={percent}
          showInfo={false}
          size="small"
          status={person.status === 'on_shift' ? 'active' : 'normal'}
        />
      </Tooltip>
      <Link
        to={queueLink({ queue: 'all', open: true, assigneeId: person.userId })}
        style={{ whiteSpace: 'nowrap', fontSize: token.fontSizeSM }}
      >
        {t('supervisor.open', { count: person.openTickets })}
        {person.overdue ? (
          <Typography.Text type="danger" style={{ fontSize: token.fontSizeSM }}>
            {' · '}
            {t('supervisor.personOverdue', { count: person.overdue })}
          </Typography.Text>
        ) : null}
      </Link>
    </li>
  );
}

/** 团队: unassigned, overdue, due within the hour; who is on shift and their load. */
export function SupervisorSection({ data }: { data: HomeSupervisor }) {
  const { t } = useTranslation('home');
  const cards = [
    { id: 'unassigned', key: 'unassigned', value: data.unassigned, to: supervisorLinks.unassigned, alert: true },
    { id: 'team-overdue', key: 'overdue', value: data.overdue, to: supervisorLinks.overdue, alert: true },
    { id: 'team-due-hour', key: 'dueWithinHour', value: data.dueWithinHour, to: supervisorLinks.dueWithinHour },
  ] as const;
  const people = data.agents.slice(0, MAX_PEOPLE);
  const maxLoad = Math.max(0, ...people.map((p) => p.load));
  const onShift = data.agents.filter((a) => a.status === 'on_shift').length;
  return (
    <section data-testid="home-supervisor">
      <Typography.Title level={5}>{t('supervisor.title')}</Typography.Title>
      <Row gutter={[12, 12]}>
        {cards.map((c) => (
          <Col key={c.id} xs={12} sm={8} lg={6}>
            <CountCard
              id={c.id}
              title={t(`supervisor.${c.key}`)}
              definition={t(`supervisor.${c.key}Help`)}
              value={c.value}
              to={c.to}
              alert={'alert' in c ? c.alert : undefined}
            />
          </Col>
        ))}
        <Col xs={24} lg={18} xl={12}>
          <div data-testid="home-people">
            <Typography.Text strong>{t('supervisor.people', { onShift, total: data.agents.length })}</Typography.Text>{' '}
            <Tooltip title={t('supervisor.peopleHelp')}>
              <QuestionCircleOutlined aria-label={t('supervisor.peopleHelp')} />
            </Tooltip>
            {people.length === 0 ? (
              <EmptyHint text={t('supervisor.noPeople')} testId="home-no-people" />
            ) : (
              <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0', display: 'grid', gap: 4 }}>
                {people.map((p) => (
                  <PersonLoad key={p.userId} person={p} maxLoad={maxLoad} />
                ))}
              </ul>
            )}
            {onShift === 0 && people.length > 0 ? (
              <Typography.Paragraph type="warning" style={{ margin: '4px 0 0' }}>
                {t('supervisor.nobodyOnShift')} <Link to="/tickets/agents">{t('supervisor.board')}</Link>
              </Typography.Paragraph>
            ) : (
              <Link to="/tickets/agents">{t('supervisor.board')}</Link>
            )}
          </div>
        </Col>
      </Row>
    </section>
  );
}
