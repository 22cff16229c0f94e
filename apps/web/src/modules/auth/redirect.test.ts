import { describe, expect, it } from 'vitest';
import { loginPath, safeRedirect } from './redirect';

describe('safeRedirect', () => {
  it('follows paths inside the app', () => {
    expect(safeRedirect('/admin/users?page=2')).toBe('/admin/users?page=2');
  });
  it('refuses other origins, protocol-relative URLs and the login page itself', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login',
      '/login?redirect=/',
      '',
      null,
    ]) {
      expect(safeRedirect(bad)).toBe('/');
    }
  });
});

describe('loginPath', () => {
  it('remembers where the user was, except for the home page', () => {
    expect(loginPath('/admin/users?page=2')).toBe('/login?redirect=%2Fadmin%2Fusers%3Fpage%3D2');
    expect(loginPath('/')).toBe('/login');
  });
});
