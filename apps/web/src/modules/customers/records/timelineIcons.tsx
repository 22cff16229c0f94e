import {
  CarOutlined,
  DiffOutlined,
  EditOutlined,
  FileTextOutlined,
  FlagOutlined,
  MailOutlined,
  MergeOutlined,
  PhoneOutlined,
  PrinterOutlined,
  QuestionCircleOutlined,
  SwapOutlined,
  TrophyOutlined,
  WechatOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { EntryKind } from './timelineFormat';

/** The dot of each kind of timeline entry: its icon and colour. */
export const TIMELINE_ICONS: Record<EntryKind, { icon: ReactNode; color: string }> = {
  call: { icon: <PhoneOutlined />, color: '#1677ff' },
  email: { icon: <MailOutlined />, color: '#13c2c2' },
  visit: { icon: <CarOutlined />, color: '#722ed1' },
  letter: { icon: <FileTextOutlined />, color: '#8c8c8c' },
  fax: { icon: <PrinterOutlined />, color: '#8c8c8c' },
  wechat: { icon: <WechatOutlined />, color: '#52c41a' },
  note: { icon: <EditOutlined />, color: '#595959' },
  change: { icon: <DiffOutlined />, color: '#faad14' },
  milestone: { icon: <FlagOutlined />, color: '#eb2f96' },
  evaluation: { icon: <TrophyOutlined />, color: '#cf1322' },
  handover: { icon: <SwapOutlined />, color: '#fa8c16' },
  merge: { icon: <MergeOutlined />, color: '#2f54eb' },
  other: { icon: <QuestionCircleOutlined />, color: '#bfbfbf' },
};
