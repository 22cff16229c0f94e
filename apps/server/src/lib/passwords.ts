import { hash, verify } from '@node-rs/argon2';
import { AppError } from './app-error.js';

export const PASSWORD_MIN_LENGTH = 8;

/** argon2id with the library's defaults (19 MiB, t=2), as OWASP recommends. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

export function assertStrongPassword(password: string, path = 'password'): void {
  if (password.length < PASSWORD_MIN_LENGTH || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new AppError('auth.password_too_weak', 400, {
      params: { min: PASSWORD_MIN_LENGTH },
      fields: [{ path, message: `min ${PASSWORD_MIN_LENGTH}, letters and digits` }],
    });
  }
}
