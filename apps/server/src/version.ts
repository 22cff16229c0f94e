/** The server's version: the health answer and the OpenAPI document show it. */
export const VERSION = '0.1.0';
