import { DingtalkOutlined, SendOutlined, WechatWorkOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RobotKind } from './types';

const LOOK: Record<RobotKind, { icon: ReactNode; color: string }> = {
  wecom: { icon: <WechatWorkOutlined />, color: 'green' },
  dingtalk: { icon: <DingtalkOutlined />, color: 'blue' },
  feishu: { icon: <SendOutlined />, color: 'geekblue' },
};

/** The work chat of a robot: its icon and name (企业微信 / 钉钉 / 飞书). */
export function RobotKindTag({ kind }: { kind: RobotKind }) {
  const { t } = useTranslation('robots');
  const look = LOOK[kind];
  return (
    <Tag icon={look.icon} color={look.color} data-testid="robot-kind" data-kind={kind}>
      {t(`kind.${kind}`)}
    </Tag>
  );
}
