import type { ThemeConfig } from 'antd';

/**
 * antd's theme as main.tsx gives it to ConfigProvider, and as the build pre-renders antd's styles
 * with (build/antd-css.tsx): the same configuration gives the same class-name hashes, which is what
 * lets the browser use the pre-rendered style sheet instead of generating the styles at run time.
 */
export function appTheme(reducedMotion: boolean): ThemeConfig {
  return { token: { motion: !reducedMotion } };
}
