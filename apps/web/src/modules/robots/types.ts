/** Work-chat robot types, from the generated client (api/types.ts). */

import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

export type Robot = ResponseOf<'/api/v1/robots/{id}', 'get'>;
export type RobotKind = Robot['kind'];
export type RobotFormat = Robot['format'];
export type RobotBody = BodyOf<'/api/v1/robots', 'post'>;
export type RobotPatch = BodyOf<'/api/v1/robots/{id}', 'patch'>;
/** A topic a robot can subscribe to (group notifications). */
export type RobotTopic = NonNullable<RobotBody['topics']>[number];
/** `POST /api/v1/robots/{id}/test`: the receiver's answer. */
export type RobotTestResult = ResponseOf<'/api/v1/robots/{id}/test', 'post'>;
export type RobotDeliveryPage = ResponseOf<'/api/v1/robots/{id}/deliveries', 'get'>;
export type RobotDelivery = RobotDeliveryPage['items'][number];
export type RobotDeliveryQuery = QueryOf<'/api/v1/robots/{id}/deliveries', 'get'>;

export const ROBOT_KINDS = ['wecom', 'dingtalk', 'feishu'] as const satisfies readonly RobotKind[];
export const ROBOT_TOPICS = [
  'complaint.major_reported',
  'sla.escalated',
  'sla.warned',
  'digest.daily',
] as const satisfies readonly RobotTopic[];
