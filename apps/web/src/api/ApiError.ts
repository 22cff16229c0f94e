import type { ErrorCode, Problem } from '@kefu/shared';

export type FieldError = { path: string; message: string };

/** Every failed API call rejects with this: the server's problem+json body, typed. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network_error' | 'unknown';
  readonly errors: FieldError[];
  readonly params: Record<string, unknown>;
  readonly requestId: string | undefined;

  constructor(init: {
    status: number;
    code: ApiError['code'];
    message: string;
    errors?: FieldError[];
    params?: Record<string, unknown>;
    requestId?: string;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.errors = init.errors ?? [];
    this.params = init.params ?? {};
    this.requestId = init.requestId;
  }

  /** Builds an ApiError from a failed response; `fallbackMessage` is used when the body is not a problem. */
  static async fromResponse(response: Response, fallbackMessage: string): Promise<ApiError> {
    let body: Partial<Problem> | undefined;
    try {
      const text = await response.text();
      body = text ? (JSON.parse(text) as Partial<Problem>) : undefined;
    } catch {
      body = undefined;
    }
    const isProblem = typeof body === 'object' && body !== null && typeof body.code === 'string';
    return new ApiError({
      status: response.status,
      code: isProblem && body?.code ? body.code : 'unknown',
      message: (isProblem && body?.detail) || fallbackMessage,
      errors: isProblem ? body?.errors : undefined,
      params: isProblem ? body?.params : undefined,
      requestId: (isProblem && body?.requestId) || response.headers.get('x-request-id') || undefined,
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
