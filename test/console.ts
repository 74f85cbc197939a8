// Console output a test provokes on purpose is captured here, so a green `npm test` prints none of it, and handed
// back for the test to assert. Anything a test did not ask to capture still reaches the terminal.
import { format } from 'node:util'
import { onTestFinished, vi } from 'vitest'

/** Captures `console[method]` until the current test ends; `text()` is everything it received, one call a line. */
export function captureConsole(method: 'warn' | 'error') {
  const spy = vi.spyOn(console, method).mockImplementation(() => {})
  onTestFinished(() => spy.mockRestore())
  return { spy, text: () => spy.mock.calls.map((args) => format(...args)).join('\n') }
}
