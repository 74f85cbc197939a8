// Vite library builds (Vite builds one IIFE entry per build): the ESM package, the script-tag IIFE and its
// integrity value, the server entry, a tree-shaken bundle that size-limit measures, then the type declarations.
import { createHash } from 'node:crypto'
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { rolldown } from 'rolldown'
import { addJsExtensions } from './dts-extensions.mjs'
import { build } from 'vite'

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const shared = {
  configFile: false,
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  define: { __VERSION__: JSON.stringify(pkg.version) },
  publicDir: false,
}

// The script-tag bundle; scripts/size-breakdown.mjs rebuilds it with a source map to attribute its bytes.
export const iifeConfig = {
  ...shared,
  // The widget renders inside an effect (src/ui/mount.tsx), so the IIFE needs only the signals core, not the
  // Preact integration (its options hooks and preact/hooks): about 1.8 KB gzip less for every shopper.
  resolve: { alias: { '@preact/signals': '@preact/signals-core' } },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    // es2022: class private fields (src/element.ts) stay native instead of WeakMap helpers, −0.2 KB gzip.
    // The output keeps ES2021's logical assignment (a ||= b) as well: browser floor Chrome 85, Safari 15, Firefox 90
    // (docs/packaging.md). Browser targets instead of es2022 lower every class feature (static blocks), +0.5 KB gzip.
    target: 'es2022',
    minify: true,
    lib: { entry: 'src/embed/index.ts', formats: ['iife'], name: 'NaverPayCheckoutBundle', fileName: () => 'naverpay-checkout.iife.js' },
  },
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main()

async function main() {
rmSync('dist', { recursive: true, force: true })

await build({
  ...shared,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      // One file per module: a bundler that imports only buildRequestPayParams never reaches the UI modules
      // (package.json "sideEffects" marks them droppable), so it never pulls in Preact either.
      fileName: (_format, name) => (name === 'index' ? 'naverpay-checkout.js' : `esm/${name}.js`),
    },
    // npm users bring their own Preact; shoppers on the script tag get it bundled in the IIFE.
    rolldownOptions: {
      external: [/^preact(\/|$)/, /^@preact\/signals/],
      output: { preserveModules: true, preserveModulesRoot: 'src' },
    },
  },
})

await build(iifeConfig)

// naverpay-checkout/server: the merchant server's half, its own ESM file. Nothing of the browser reaches it (it
// imports only src/core's pure rules), it has no dependencies to leave external, and the widget's entries never
// import it, so the bundles above are the same byte for byte with or without it.
await build({
  ...shared,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2022', // Node 20, Deno, Bun, edge runtimes
    minify: false, // read in stack traces on the merchant's server
    lib: { entry: 'src/server/index.ts', formats: ['es'], fileName: () => 'server.js' },
  },
})

// The API secret's world stays on the server: no browser bundle may carry the server entry's PortOne calls.
for (const file of ['dist/naverpay-checkout.iife.js', 'dist/naverpay-checkout.js', ...readdirSync('dist/esm', { recursive: true }).map((f) => `dist/esm/${f}`)]) {
  if (file.endsWith('.js') && /imp_secret|\/users\/getToken/.test(readFileSync(file, 'utf8'))) {
    throw new Error(`${file} contains naverpay-checkout/server code: a browser entry imports src/server`)
  }
}

// Subresource Integrity for the CDN snippet: <script src integrity="sha384-…" crossorigin="anonymous">.
const iife = readFileSync('dist/naverpay-checkout.iife.js')
const integrity = `sha384-${createHash('sha384').update(iife).digest('base64')}`
writeFileSync('dist/naverpay-checkout.iife.js.sri', integrity + '\n')

// What a bundler ships for `import { buildRequestPayParams } from 'naverpay-checkout'`: bundled from the built
// ESM with nothing external, so a UI module leaking in would bring Preact along and break the size budget.
mkdirSync('dist/size', { recursive: true })
writeFileSync('dist/size/entry.js', "export { buildRequestPayParams } from '../naverpay-checkout.js'\n")
await rolldown({ input: 'dist/size/entry.js', logLevel: 'warn' }).then((bundle) =>
  bundle.write({ file: 'dist/size/build-params.js', format: 'es', minify: true }),
)
rmSync('dist/size/entry.js')

execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' })
addJsExtensions('dist/types') // node16/nodenext need the file each import names (scripts/dts-extensions.mjs)
console.log(`dist/naverpay-checkout.iife.js integrity: ${integrity}`)
}
