// End-to-end tests: playwright-core drives Debian's Chromium against the built web app (dist/renderer).
import { defineConfig } from 'vitest/config';

export const e2eConfig = defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});

export default e2eConfig;
