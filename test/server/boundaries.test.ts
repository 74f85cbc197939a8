// @vitest-environment node
// The server half stays out of the shopper's bundle, and the browser stays out of the server half: checked on the
// import graph of the sources, so it holds before any build.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'

const root = resolve(__dirname, '../..')
const src = join(root, 'src')

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2])
}

function resolveLocal(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    try {
      readFileSync(candidate)
      return candidate
    } catch {
      // try the next
    }
  }
  return undefined
}

/** Every local module reachable from `entry`. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>()
  const stack = [entry]
  while (stack.length > 0) {
    const file = stack.pop()!
    if (seen.has(file)) continue
    seen.add(file)
    for (const spec of importsOf(file)) {
      const next = resolveLocal(file, spec)
      if (next) stack.push(next)
    }
  }
  return seen
}

describe('boundaries of naverpay-checkout/server', () => {
  test.each(['index.ts', 'element.ts', 'embed/index.ts'])('the browser entry src/%s never reaches src/server', (entry) => {
    const files = [...reachable(join(src, entry))].map((f) => relative(src, f))
    expect(files.length).toBeGreaterThan(3) // the walk really followed the imports
    expect(files.filter((f) => f.startsWith('server/'))).toEqual([])
  })

  const serverFiles = readdirSync(join(src, 'server')).filter((f) => f.endsWith('.ts'))

  test.each(serverFiles)('src/server/%s imports only src/server and src/core, nothing of node: or npm', (file) => {
    for (const spec of importsOf(join(src, 'server', file))) {
      const target = resolveLocal(join(src, 'server', file), spec)
      expect(target, `${file} imports ${spec}`).toBeDefined()
      expect(relative(src, target!)).toMatch(/^(server|core)\//)
    }
  })

})
