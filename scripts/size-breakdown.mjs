// Where the gzip bytes go, by source module: `node scripts/size-breakdown.mjs` (after `npm run build`), for the
// IIFE and for `import { buildRequestPayParams }` alone. Rebuilds each in memory with a source map, splits the minified output into runs of bytes by the module
// each run came from, then gzips growing prefixes of the output: a run's share is how much it adds to the gzip
// size of everything before it. The shares add up exactly to the bundle's gzip size (level 9, as size-limit).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'
import { build } from 'vite'
import { iifeConfig } from './build.mjs'

function compare(chunk, file) {
  const built = gzipSync(readFileSync(file), { level: 9 }).length
  const here = gzipSync(chunk.code, { level: 9 }).length
  if (built !== here) console.warn(`note: ${file} is ${built} B gzip, this build ${here} B`)
}

// Source map "mappings": per generated line, segments [column, source, ...] in base64 VLQ.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
function* segments(mappings) {
  let source = 0
  for (const [line, text] of mappings.split(';').entries()) {
    let column = 0
    for (const seg of text.split(',').filter(Boolean)) {
      const values = []
      for (let i = 0, value = 0, shift = 0; i < seg.length; i++) {
        const digit = B64.indexOf(seg[i])
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = shift = 0
        }
      }
      column += values[0]
      if (values.length > 1) source += values[1]
      yield { line, column, source: values.length > 1 ? source : -1 }
    }
  }
}

function table(title, chunk) {
const group = (path) =>
  path === undefined ? '(bundle wrapper)'
    : /node_modules\/preact\//.test(path) ? 'preact'
      : /signals-core/.test(path) ? '@preact/signals-core'
        : path.replace(/^.*?\/src\//, 'src/').replace(/\.tsx?$/, '')

// Byte offset of each line start (the minified IIFE is a few lines; columns count UTF-16 units).
const text = chunk.code
const lineStarts = [0]
for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1)
const runs = [] // [startCharIndex, module]
for (const s of segments(chunk.map.mappings)) {
  const name = group(chunk.map.sources[s.source])
  const at = lineStarts[s.line] + s.column
  if (runs.length === 0 || runs[runs.length - 1][1] !== name) runs.push([at, name])
}
if (runs.length === 0 || runs[0][0] > 0) runs.unshift([0, '(bundle wrapper)'])

const gz = (chars) => gzipSync(Buffer.from(text.slice(0, chars)), { level: 9 }).length
const totals = new Map()
let before = gz(0)
for (let i = 0; i < runs.length; i++) {
  const end = i + 1 < runs.length ? runs[i + 1][0] : text.length
  const after = gz(end)
  totals.set(runs[i][1], (totals.get(runs[i][1]) ?? 0) + after - before)
  before = after
}
const rows = [...totals].sort((a, b) => b[1] - a[1])
console.log(`\n${title}\n\n| module | gzip bytes |\n| --- | ---: |`)
for (const [name, bytes] of rows) console.log(`| ${name} | ${bytes} |`)
console.log(`| **total** | **${before}** |`)
}

const out = await build({ ...iifeConfig, logLevel: 'silent', build: { ...iifeConfig.build, write: false, sourcemap: 'hidden' } })
const iife = [out].flat()[0].output.find((o) => o.type === 'chunk')
compare(iife, 'dist/naverpay-checkout.iife.js')
table('dist/naverpay-checkout.iife.js', iife)
// From the TypeScript source (the size build bundles the built ESM, which has no source map): a few bytes apart.
const esm = await rolldown({ input: 'src/core/params.ts', logLevel: 'silent' })
const [params] = (await esm.generate({ format: 'es', minify: true, sourcemap: 'hidden' })).output
compare(params, 'dist/size/build-params.js')
table('import { buildRequestPayParams } (≈ dist/size/build-params.js)', params)
