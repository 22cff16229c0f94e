import type { ErrorCode } from '@kefu/shared';

export type FieldIssue = { path: string; message: string };

/**
 * The one error type services throw. The error handler turns it into problem+json with the
 * message for `code` in the caller's language; `params` fill the message's placeholders.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly fields: FieldIssue[] | undefined;

  constructor(
    code: ErrorCode,
    status: number,
    options: { params?: Record<string, unknown>; fields?: FieldIssue[]; cause?: unknown } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.params = options.params ?? {};
    this.fields = options.fields;
  }
}

export const notFound = (code: ErrorCode = 'not_found') => new AppError(code, 404);
export const conflict = (code: ErrorCode, params?: Record<string, unknown>) => new AppError(code, 409, { params });
export const badRequest = (code: ErrorCode, params?: Record<string, unknown>, fields?: FieldIssue[]) =>
  new AppError(code, 400, { params, fields });
