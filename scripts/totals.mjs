// Prints "N passed, N failed" from the unit and package (Vitest) and e2e (Playwright) JSON reports.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined)

const unit = read('test-results/unit.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
} else failed += 1 // the unit suite did not even report

// The packed tarball's types and runtime (test/package), after the build.
const pack = read('test-results/package.json')
if (pack) {
  passed += pack.numPassedTests
  failed += pack.numFailedTests
} else failed += 1

const e2e = read('test-results/e2e.json')
if (e2e) {
  const stats = e2e.stats
  passed += stats.expected + (stats.flaky ?? 0)
  failed += stats.unexpected
} else failed += 1

console.log(`${passed} passed, ${failed} failed`)
