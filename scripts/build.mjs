// Two Vite library builds (Vite builds one IIFE entry per build): the ESM package and the script-tag IIFE,
// then the type declarations.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { build } from 'vite'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const shared = {
  configFile: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  publicDir: false,
}

rmSync('dist', { recursive: true, force: true })

await build({
  ...shared,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'naverpay-checkout.js' },
    // npm users bring their own Preact; shoppers on the script tag get it bundled in the IIFE.
    rolldownOptions: { external: [/^preact(\/|$)/, /^@preact\/signals/] },
  },
})

await build({
  ...shared,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    minify: true,
    lib: { entry: 'src/embed/index.ts', formats: ['iife'], name: 'NaverPayCheckoutBundle', fileName: () => 'naverpay-checkout.iife.js' },
  },
})

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
