/**
 * Error-display policy (Ant Design Pro's `requestErrorConfig`): decides HOW each failed request is
 * shown. The message itself always comes from the server (`detail`, localized by Accept-Language).
 */
import type { App, FormInstance } from 'antd';
import { i18n } from '../i18n';
import { type FieldError, isApiError } from './ApiError';

export type ErrorShowType = 'silent' | 'redirect' | 'warn' | 'form' | 'notification';

export type ErrorContext = {
  /** A form whose fields should receive `errors[]` of a validation_failed answer. */
  form?: FormInstance;
  silent?: boolean;
};

/** Pure policy: which presentation an error gets. */
export function errorShowType(error: unknown, context: ErrorContext = {}): ErrorShowType {
  if (context.silent) return 'silent';
  if (!isApiError(error)) return 'notification';
  if (error.status === 401 && error.code === 'unauthenticated') return 'redirect';
  if (error.status === 403) return 'warn';
  if (error.code === 'validation_failed' && context.form && error.errors.length > 0) return 'form';
  return 'notification';
}

/** Turns a server field path (`/email`, `body.email`, `items/0/name`) into an antd name path. */
export function toNamePath(path: string): (string | number)[] {
  const parts = path
    .replace(/^\//, '')
    .split(/[./]/)
    .filter((part) => part.length > 0);
  if (parts[0] === 'body') parts.shift();
  return parts.map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

export function applyFieldErrors(form: FormInstance, errors: FieldError[]): void {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const { path, message } of errors) {
    const name = toNamePath(path);
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
}

type Feedback = Pick<ReturnType<typeof App.useApp>, 'message' | 'notification'>;
/** The shell's App context once set; before that, antd's static functions, loaded on first use. */
let feedback: Feedback | undefined;
function withFeedback(show: (feedback: Feedback) => void): void {
  if (feedback) show(feedback);
  else void import('./staticFeedback').then(show);
}
let onSessionExpired: () => void = () => {
  const here = window.location.pathname + window.location.search;
  window.location.assign(`/login?redirect=${encodeURIComponent(here)}`);
};

/** Called once by the app shell so toasts use the themed, localized antd App context. */
export function setFeedback(next: Feedback): void {
  feedback = next;
}

/** Called once by the app shell: forget the session so the auth guard redirects to /login?redirect=… */
export function setSessionExpiredHandler(handler: () => void): void {
  onSessionExpired = handler;
}

export function showError(error: unknown, context: ErrorContext = {}): void {
  const type = errorShowType(error, context);
  const description = error instanceof Error ? error.message : String(error);
  switch (type) {
    case 'silent':
      return;
    case 'redirect':
      onSessionExpired();
      return;
    case 'warn':
      withFeedback(({ message }) => message.warning(description));
      return;
    case 'form':
      if (context.form && isApiError(error)) applyFieldErrors(context.form, error.errors);
      withFeedback(({ message }) => message.error(description));
      return;
    case 'notification':
      // Same key: a burst of identical failures (several queries at once) shows one notification.
      withFeedback(({ notification }) =>
        notification.error({ key: description, message: i18n.t('common:errors.title'), description }),
      );
      return;
    default: {
      const unreachable: never = type;
      throw new Error(`unhandled error show type ${String(unreachable)}`);
    }
  }
}

/**
 * For `mutateAsync` promises handed to antd (Popconfirm `onConfirm`): the MutationCache already
 * showed the error, so the rejection must not escape as an unhandled one.
 */
export function alreadyShown(): void {}
