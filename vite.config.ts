/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs'
import { defineConfig, loadEnv } from 'vite'
import type { Plugin } from 'vite'
import { configDefaults } from 'vitest/config'
import type { mountMerchantServer } from './demo/merchant-server.ts'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

// What a careful shop sends: no unsafe-inline, no unsafe-eval. The demo is served under it while it runs on the
// simulator, so `npm run dev` itself shows that the widget needs nothing more. With a real PortOne code the
// policy is left off: PortOne's SDK and Naver Pay's pages have their own needs, which the shop's policy must list.
const DEMO_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; object-src 'none'"

// Development only: the demo's merchant server (demo/merchant-server.ts), loaded through Vite itself when the dev
// server starts, so neither a build nor the config file holds any of it. Vitest's server (no HTTP server) skips it.
function merchantServer(env: Record<string, string>): Plugin {
  return {
    name: 'naverpay-demo-merchant-server',
    apply: 'serve',
    async configureServer(server) {
      if (!server.httpServer) return
      const demo = (await server.ssrLoadModule('/demo/merchant-server.ts')) as { mountMerchantServer: typeof mountMerchantServer }
      await demo.mountMerchantServer(server, env)
    },
  }
}

// The demo's dev server and the unit tests. The library builds are in scripts/build.mjs.
export default defineConfig(({ mode }) => {
  // Every variable, not only VITE_ ones: the merchant server reads PORTONE_IMP_KEY / PORTONE_IMP_SECRET from here
  // (the environment wins over .env.local, as Vite does). Only VITE_ variables ever reach the page.
  const env = loadEnv(mode, process.cwd(), '')
  const simulated = !env.VITE_IMP_CODE
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    define: { __VERSION__: JSON.stringify(pkg.version) },
    // Development only (apply: 'serve'): the demo's merchant server on naverpay-checkout/server, real sandbox or
    // simulated PortOne (demo/merchant-server.ts).
    plugins: [merchantServer(env)],
    server: { headers: simulated ? { 'Content-Security-Policy': DEMO_CSP } : {} },
    test: {
      // happy-dom, without its stack trace for each frame it does not load (test/happy-dom-environment.ts).
      environment: './test/happy-dom-environment.ts',
      // happy-dom fetches nothing here: no script (every test brings its own fake SDK) and no frame (PortOne's frames
      // in test/sdk are only DOM; service.iamport.kr must never be asked). By default it answers each <script src> put
      // into a document with an 'error' event and a NotSupportedError stack trace on stderr, at the moment the tag is
      // connected; as a success it dispatches 'load' and prints nothing. Tests that need a tag's outcome dispatch 'load'
      // or 'error' themselves (test/sdk/client.test.ts), after the loader listens. A file's own
      // `@vitest-environment-options` would replace all of this, so there is none.
      environmentOptions: {
        happyDOM: { settings: { disableJavaScriptFileLoading: true, handleDisabledFileLoadingAsSuccess: true, disableIframePageLoading: true } },
      },
      include: ['test/**/*.test.{ts,tsx}'],
      // The packed-package tests need the build: `npm run test:package` (test/package/vitest.config.ts) runs them.
      exclude: [...configDefaults.exclude, 'test/package/**'],
      // The property tests take about a second here; CI's two shared cores can make that several.
      testTimeout: 20_000,
    },
  }
})
