import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Col, Row, Statistic, Tooltip, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CallbackView } from './callbackRules';
import type { CallbackCounts as Counts } from './callbackTypes';

const FIGURES = [
  { key: 'today', view: 'today' },
  { key: 'overdue', view: 'overdue', alert: 'colorError' },
  { key: 'unreached', view: 'unreached', alert: 'colorWarning' },
] as const satisfies readonly { key: keyof Counts; view: CallbackView; alert?: string }[];

/** My three counts (GET /callbacks/counts); each card shows its list below. */
export function CallbackCounts(props: {
  counts: Counts | undefined;
  view: CallbackView;
  onSelect: (view: CallbackView) => void;
}) {
  const { t } = useTranslation('callbacksWork');
  const { token } = theme.useToken();
  return (
    <Row gutter={[12, 12]}>
      {FIGURES.map((f) => {
        const value = props.counts?.[f.key];
        const hot = 'alert' in f && value !== undefined && value > 0;
        const selected = props.view === f.view;
        return (
          <Col key={f.key} xs={8}>
            <Card
              hoverable
              size="small"
              data-testid={`callbacks-count-${f.key}`}
              onClick={() => props.onSelect(f.view)}
              style={{ height: '100%', borderColor: selected ? token.colorPrimary : undefined, cursor: 'pointer' }}
              styles={{ body: { padding: token.paddingSM } }}
            >
              <Statistic
                title={
                  <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center', minWidth: 0 }}>
                    <span style={{ overflowWrap: 'anywhere' }}>{t(`today.counts.${f.key}`)}</span>
                    <Tooltip title={t(`today.counts.${f.key}Help`)}>
                      <QuestionCircleOutlined aria-label={t(`today.counts.${f.key}Help`)} />
                    </Tooltip>
                  </span>
                }
                value={value ?? '-'}
                valueStyle={{ color: hot ? token['alert' in f ? f.alert : 'colorText'] : undefined, fontSize: 24 }}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
