import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run test:package`: the packed tarball as a shop installs it. It needs `dist/`, so `npm test` runs it after
// `npm run build`, apart from the unit suite (vite.config.ts excludes this folder).
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['test/package/**/*.test.ts'],
    // npm pack plus one tsc run per moduleResolution mode, on two shared cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
