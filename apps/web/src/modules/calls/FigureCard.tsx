import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Space, Statistic, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RAG_COLORS, type Rag } from './callKpis';

/** A title with its written definition (formula) on hover. */
export function Defined({ label, definition, testId }: { label: ReactNode; definition: ReactNode; testId?: string }) {
  return (
    <Tooltip title={definition} styles={{ root: { maxWidth: 420 } }}>
      <span style={{ cursor: 'help' }} data-testid={testId}>
        {label} <QuestionCircleOutlined />
      </span>
    </Tooltip>
  );
}

/** The red/amber/green mark of a figure, with the rule on hover. */
export function RagMark({ rag }: { rag: Rag | undefined }) {
  const { t } = useTranslation('calls');
  if (!rag) return null;
  return (
    <Tooltip title={t('rag.help')}>
      <Tag color={RAG_COLORS[rag]} data-testid={`call-rag-${rag}`} style={{ marginInlineEnd: 0 }}>
        {t(`rag.${rag}`)}
      </Tag>
    </Tooltip>
  );
}

/**
 * One figure: its title with the formula on hover, the value (coloured by its mark), the target and
 * the red/amber/green mark under it; `big` for the wall board (readable from a distance).
 */
export function FigureCard(props: {
  testId: string;
  label: string;
  definition: ReactNode;
  value: string;
  suffix?: string;
  rag?: Rag;
  target?: string;
  sub?: ReactNode;
  big?: boolean;
  loading?: boolean;
}) {
  const { t } = useTranslation('calls');
  const color = props.rag ? RAG_COLORS[props.rag] : undefined;
  return (
    <Card size="small" data-testid={props.testId} loading={props.loading} style={{ height: '100%' }}>
      <Statistic
        title={<Defined label={props.label} definition={props.definition} />}
        value={props.value}
        suffix={props.value === '—' ? undefined : props.suffix}
        valueStyle={{
          color,
          fontSize: props.big ? 'clamp(36px, 7vw, 72px)' : undefined,
          lineHeight: props.big ? 1.1 : undefined,
          fontWeight: props.big ? 600 : undefined,
        }}
      />
      {(props.target || props.rag || props.sub) && (
        <Space wrap size={[8, 4]} style={{ marginTop: 4 }}>
          {props.target && <Typography.Text type="secondary">{t('target', { value: props.target })}</Typography.Text>}
          <RagMark rag={props.rag} />
          {props.sub && <Typography.Text type="secondary">{props.sub}</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
