/** The robots module's API for other modules. */
export { ROBOT_KINDS, type RobotKind } from './robots.tables.js';
