/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { defineConfig } from 'vite'
import { merchantServer } from './demo/merchant-server'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

// The demo's dev server and the unit tests. The library builds are in scripts/build.mjs.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Development only: plays the merchant server for the simulated SDK (verifyUrl /api/payments/complete).
  plugins: [merchantServer()],
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
  },
})
