import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const run = promisify(execFile);
const ID = 'virtual:antd-css';
const RESOLVED = `\0${ID}`;

/**
 * antd's styles pre-rendered at build time (issue 14: antd's CSS-in-JS generated and inserted every
 * style while the first page rendered, ~0.6 s of a queue page's first load on 2 vCPU). The build runs
 * build/antd-css.tsx for both themes (with and without motion), emits each as a hashed asset and
 * makes `virtual:antd-css` export their URLs;
 * main.tsx links it before the first render (src/staticStyles.ts). In the dev server and in tests
 * the module exports null: antd generates its styles at run time as before.
 */
export function antdStaticCss(): Plugin {
  let build = false;
  let root = process.cwd();
  let nodeEnv = 'production';
  return {
    name: 'kefu-antd-static-css',
    configResolved(config) {
      build = config.command === 'build' && !config.build.ssr;
      root = config.root;
      // The bundle's NODE_ENV (Vite: the environment's, else the mode): antd and ProComponents name
      // their classes differently outside production (`css-dev-only-do-not-override-…`), so the sheet
      // is rendered under the same value — a test build (NODE_ENV=test) gets a sheet that matches it.
      nodeEnv = process.env.NODE_ENV || config.mode;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (!build) return 'export default null;';
      const sheet = async (variant: 'motion' | 'reduced') => {
        const args = ['--import', 'tsx', path.join(root, 'build/antd-css.tsx')];
        const { stdout } = await run(process.execPath, variant === 'reduced' ? [...args, '--reduced-motion'] : args, {
          cwd: root,
          env: { ...process.env, NODE_ENV: nodeEnv },
          maxBuffer: 64 * 1024 * 1024,
        });
        if (!stdout.includes('data-ant-cssinjs-cache-path')) throw new Error('antd-css.tsx: no cache-path marker');
        const name = variant === 'reduced' ? 'antd-reduced-motion.css' : 'antd.css';
        return this.emitFile({ type: 'asset', name, source: stdout });
      };
      const [motion, reduced] = await Promise.all([sheet('motion'), sheet('reduced')]);
      return `export default { motion: import.meta.ROLLUP_FILE_URL_${motion}, reducedMotion: import.meta.ROLLUP_FILE_URL_${reduced} };`;
    },
  };
}
