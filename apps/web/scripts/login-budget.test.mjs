import { describe, expect, it } from 'vitest';
import { LOGIN_PAGE_SOURCE, routeFiles } from './login-budget.mjs';

describe('scripts/login-budget.mjs', () => {
  it('counts the entry and the login chunk with their static imports and CSS, not lazy chunks', () => {
    const manifest = {
      'index.html': {
        file: 'assets/index-a.js',
        css: ['assets/index-a.css'],
        imports: ['_vendor-react-b.js'],
        dynamicImports: [LOGIN_PAGE_SOURCE, 'src/layouts/BasicLayout.tsx'],
      },
      '_vendor-react-b.js': { file: 'assets/vendor-react-b.js' },
      [LOGIN_PAGE_SOURCE]: { file: 'assets/LoginPage-c.js', imports: ['index.html', '_button-d.js'] },
      '_button-d.js': { file: 'assets/button-d.js', css: ['assets/button-d.css'] },
      'src/layouts/BasicLayout.tsx': { file: 'assets/BasicLayout-e.js', imports: ['_pro-f.js'] },
      '_pro-f.js': { file: 'assets/pro-f.js' },
    };
    expect(routeFiles(manifest, ['index.html', LOGIN_PAGE_SOURCE]).sort()).toEqual([
      'assets/LoginPage-c.js',
      'assets/button-d.css',
      'assets/button-d.js',
      'assets/index-a.css',
      'assets/index-a.js',
      'assets/vendor-react-b.js',
    ]);
  });

  it('refuses a manifest without the login page (renamed page: update the script)', () => {
    expect(() => routeFiles({ 'index.html': { file: 'assets/index-a.js' } }, [LOGIN_PAGE_SOURCE])).toThrow(
      /not in the Vite manifest/,
    );
  });
});
