// tsc emits the declarations with the source's extensionless relative imports (`from './ui/mount'`). A shop's
// TypeScript with `moduleResolution: node16` or `nodenext` cannot resolve those in a package with "type": "module"
// (TS2834), and under `skipLibCheck` it says nothing: every export silently becomes `any`. Node's own rule is what
// node16/nodenext check, so each relative specifier gets the file it really names — `./ui/mount.js`, or
// `./sdk/index.js` for a folder — resolved against the emitted declarations. `bundler` accepts both forms.
// The sources keep their extensionless imports; `test/package/types.test.ts` typechecks the packed result.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

// Module specifiers in declarations: `from '…'` (import/export), `import('…')` types, bare `import '…'`.
const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*|\.{1,2})\2/g

/** Adds `.js` / `/index.js` to every relative specifier of every `.d.ts` under `dir`; returns how many it rewrote. */
export function addJsExtensions(dir) {
  let rewritten = 0
  for (const file of declarationFiles(dir)) {
    const text = readFileSync(file, 'utf8')
    const next = text.replace(SPECIFIER, (_, lead, quote, spec) => {
      const fixed = withExtension(file, spec)
      if (fixed !== spec) rewritten++
      return `${lead}${quote}${fixed}${quote}`
    })
    if (next !== text) writeFileSync(file, next)
  }
  return rewritten
}

function withExtension(file, spec) {
  const base = resolve(dirname(file), spec)
  if (/\.(c|m)?js$/.test(spec) && existsSync(base.replace(/\.(c|m)?js$/, '.d.$1ts'))) return spec
  if (existsSync(`${base}.d.ts`)) return `${spec}.js`
  if (existsSync(join(base, 'index.d.ts'))) return `${spec.replace(/\/$/, '')}/index.js`
  // A specifier that names no emitted declaration would be a silent `any` for every user: stop the build.
  throw new Error(`${file}: the declaration import '${spec}' names no emitted .d.ts (looked for ${base}.d.ts and ${join(base, 'index.d.ts')})`)
}

function* declarationFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* declarationFiles(path)
    else if (entry.name.endsWith('.d.ts')) yield path
  }
}
