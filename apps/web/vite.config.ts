import react from '@vitejs/plugin-react';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

// `kefu-source` makes `@kefu/shared` resolve to its TypeScript sources (see packages/shared/package.json).
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['kefu-source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['kefu-source', ...defaultServerConditions] } },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          antd: ['antd', '@ant-design/icons'],
          pro: ['@ant-design/pro-components'],
        },
      },
    },
  },
});
