import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Statistic, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFraction, formatNps, fractionColor, npsColor } from './surveyResults';
import type { SurveyResults } from './types';

/** A title with its written definition on hover (and the minimum-sample rule). */
export function Defined({ label, definition, minSample }: { label: string; definition: string; minSample?: number }) {
  const { t } = useTranslation('surveys');
  return (
    <Tooltip
      styles={{ root: { maxWidth: 420 } }}
      title={
        <Space direction="vertical" size={4}>
          <span>{definition}</span>
          {minSample !== undefined && <span>{t('results.def.minSample', { n: minSample })}</span>}
        </Space>
      }
    >
      <span style={{ cursor: 'help' }}>
        {label} <QuestionCircleOutlined />
      </span>
    </Tooltip>
  );
}

/** A figure card: the value, or "样本不足（至少 N 份）" when the server suppressed it; click to drill down. */
function Figure({
  testId,
  title,
  value,
  color,
  minSample,
  sub,
  onOpen,
}: {
  testId: string;
  title: ReactNode;
  value: string | null;
  color?: string;
  minSample: number;
  sub?: ReactNode;
  onOpen: () => void;
}) {
  const { t } = useTranslation('surveys');
  return (
    <Card size="small" hoverable data-testid={testId} onClick={onOpen} style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value ?? t('results.suppressed', { n: minSample })}
        valueStyle={value === null ? { fontSize: 16, color: '#8c8c8c' } : { color }}
      />
      {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
    </Card>
  );
}

/** Responses, NPS, CSAT and the response rate of the period, each with its definition. */
export function ResultFigures({ results, onOpen }: { results: SurveyResults; onOpen: (lowScore?: boolean) => void }) {
  const { t } = useTranslation('surveys');
  const n = results.minSample;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} lg={6}>
        <Figure
          testId="survey-results-responses"
          title={<Defined label={t('results.responses')} definition={t('results.def.responses')} />}
          value={String(results.responses)}
          minSample={n}
          sub={
            <Defined
              label={`${t('results.invitations')} ${results.invitations}`}
              definition={t('results.def.invitations')}
            />
          }
          onOpen={() => onOpen()}
        />
      </Col>
      <Col xs={12} lg={6}>
        <Figure
          testId="survey-results-nps"
          title={<Defined label={t('results.nps')} definition={t('results.def.nps')} minSample={n} />}
          value={results.nps === null ? null : formatNps(results.nps)}
          color={npsColor(results.nps)}
          minSample={n}
          sub={results.nps === null ? undefined : t('results.npsAnswers', { n: results.npsBreakdown.answers })}
          onOpen={() => onOpen()}
        />
      </Col>
      <Col xs={12} lg={6}>
        <Figure
          testId="survey-results-csat"
          title={<Defined label={t('results.csat')} definition={t('results.def.csat')} minSample={n} />}
          value={results.csat === null ? null : formatFraction(results.csat)}
          color={fractionColor(results.csat)}
          minSample={n}
          sub={results.csat === null ? undefined : t('results.csatAnswers', { n: results.csatAnswers })}
          onOpen={() => onOpen()}
        />
      </Col>
      <Col xs={12} lg={6}>
        <Figure
          testId="survey-results-rate"
          title={<Defined label={t('results.responseRate')} definition={t('results.def.responseRate')} minSample={n} />}
          value={results.responseRate === null ? null : formatFraction(results.responseRate)}
          minSample={n}
          sub={t('results.rateOf', { responses: results.responses, invitations: results.invitations })}
          onOpen={() => onOpen()}
        />
      </Col>
    </Row>
  );
}
