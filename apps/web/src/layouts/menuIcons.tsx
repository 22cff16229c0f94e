/**
 * The menu's icons, by route `nameKey`. They live here, not in routes.tsx, because the route list is
 * part of the entry chunk (the router needs it) while icons are only drawn by the signed-in shell
 * (the menu and the home page's shortcuts): ~7 KB compressed that the login page does not load.
 */
import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  BellOutlined,
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  ContactsOutlined,
  ControlOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  HistoryOutlined,
  HomeOutlined,
  ImportOutlined,
  InteractionOutlined,
  KeyOutlined,
  LineChartOutlined,
  MessageOutlined,
  ProfileOutlined,
  RobotOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  SolutionOutlined,
  StopOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { MenuKey } from '../routes';

export type MenuIcons = Partial<Record<MenuKey, ReactNode>>;

export const menuIcons: MenuIcons = {
  home: <HomeOutlined />,
  ticketsGroup: <CustomerServiceOutlined />,
  tickets: <ProfileOutlined />,
  slaAtRisk: <FieldTimeOutlined />,
  calendars: <CalendarOutlined />,
  slaPolicies: <AlertOutlined />,
  slaReport: <DashboardOutlined />,
  ticketAgents: <SolutionOutlined />,
  improvementMeasures: <CheckSquareOutlined />,
  intakeReport: <LineChartOutlined />,
  ticketReports: <BarChartOutlined />,
  ticketSettings: <ToolOutlined />,
  customers: <ContactsOutlined />,
  customerGrading: <TrophyOutlined />,
  handover: <SwapOutlined />,
  customerImport: <ImportOutlined />,
  serviceStandards: <BookOutlined />,
  servicePhrases: <MessageOutlined />,
  cannedReplies: <CommentOutlined />,
  forbiddenPhrases: <StopOutlined />,
  forbiddenOverrides: <SafetyCertificateOutlined />,
  admin: <SettingOutlined />,
  users: <TeamOutlined />,
  departments: <ApartmentOutlined />,
  roles: <UserSwitchOutlined />,
  customerSettings: <ControlOutlined />,
  audit: <AuditOutlined />,
  jobs: <ScheduleOutlined />,
  notifications: <BellOutlined />,
  notificationPreferences: <BellOutlined />,
  notificationChannels: <SendOutlined />,
  notificationTemplates: <FileTextOutlined />,
  notificationDeliveries: <HistoryOutlined />,
  robots: <RobotOutlined />,
  webhooks: <ApiOutlined />,
  inboundSources: <InteractionOutlined />,
  profile: <UserOutlined />,
  tokens: <KeyOutlined />,
};

export function menuIcon(route: { nameKey?: MenuKey }): ReactNode {
  return route.nameKey ? menuIcons[route.nameKey] : undefined;
}
