import { api, unwrap } from '../../api/client';
import type { ResponseOf } from '../../api/types';

export type Home = ResponseOf<'/api/v1/home', 'get'>;
export type HomeAgent = NonNullable<Home['agent']>;
export type HomeSupervisor = NonNullable<Home['supervisor']>;
export type HomeManager = NonNullable<Home['manager']>;

export const homeQueryKey = ['home'] as const;
export const getHome = () => unwrap(api.GET('/api/v1/home'));
