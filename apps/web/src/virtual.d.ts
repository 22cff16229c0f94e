/** The URLs of antd's pre-rendered style sheets in a build, per theme; null in the dev server and tests (build/antd-static-css.ts). */
declare module 'virtual:antd-css' {
  const sheets: { motion: string; reducedMotion: string } | null;
  export default sheets;
}
