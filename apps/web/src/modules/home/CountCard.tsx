import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Statistic, Tooltip, theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export type CountCardProps = {
  /** Stable name for tests: data-testid="home-count-<id>". */
  id: string;
  title: string;
  /** The figure's definition, shown on hover (docs/home.md). */
  definition: string;
  value: number | string;
  to: string;
  /** Red when the count asks for action (overdue …) and is not zero. */
  alert?: boolean;
  suffix?: ReactNode;
  /** A line under the figure (e.g. the change since last month). */
  footer?: ReactNode;
};

/** One figure of the home page: a count that opens the list it counts. */
export function CountCard({ id, title, definition, value, to, alert, suffix, footer }: CountCardProps) {
  const { token } = theme.useToken();
  const hot = alert && value !== 0 && value !== '0';
  return (
    <Link to={to} data-testid={`home-count-${id}`} style={{ display: 'block', height: '100%' }}>
      <Card hoverable size="small" style={{ height: '100%' }} styles={{ body: { padding: token.paddingSM } }}>
        <Statistic
          title={
            <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center', minWidth: 0 }}>
              <span style={{ overflowWrap: 'anywhere' }}>{title}</span>
              <Tooltip title={definition}>
                <QuestionCircleOutlined aria-label={definition} data-testid={`home-help-${id}`} />
              </Tooltip>
            </span>
          }
          value={value}
          suffix={suffix}
          valueStyle={{ color: hot ? token.colorError : undefined, fontSize: 26 }}
        />
        {footer ? <div style={{ marginTop: 4, fontSize: token.fontSizeSM }}>{footer}</div> : null}
      </Card>
    </Link>
  );
}
