import { api, unwrap } from '../../api/client';
import type { RobotBody, RobotDeliveryQuery, RobotPatch } from './types';

export const robotsKey = ['robots'] as const;
export const robotDeliveriesKey = (id: string) => [...robotsKey, id, 'deliveries'] as const;

const path = (id: string) => ({ params: { path: { id } } });

export const listRobots = () => unwrap(api.GET('/api/v1/robots'));
export const createRobot = (body: RobotBody) => unwrap(api.POST('/api/v1/robots', { body }));
export const updateRobot = (id: string, body: RobotPatch) =>
  unwrap(api.PATCH('/api/v1/robots/{id}', { ...path(id), body }));
export const deleteRobot = (id: string) => unwrap(api.DELETE('/api/v1/robots/{id}', path(id)));
export const testRobot = (id: string) => unwrap(api.POST('/api/v1/robots/{id}/test', path(id)));
export const listRobotDeliveries = (id: string, query: RobotDeliveryQuery = {}) =>
  unwrap(api.GET('/api/v1/robots/{id}/deliveries', { params: { path: { id }, query } }));
