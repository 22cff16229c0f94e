/**
 * antd's static message/notification: the fallback of api/errors.ts before the signed-in shell has
 * handed over its App context (e.g. on the login page). Loaded on first use, so that the entry
 * chunk does not carry antd's notification machinery.
 */
export { message, notification } from 'antd';
