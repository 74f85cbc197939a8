// Vitest's happy-dom environment, with one notice of happy-dom's own left out: for every <iframe> it was told not to
// load (vite.config.ts: disableIframePageLoading — PortOne's frames in test/sdk are only DOM, service.iamport.kr is
// never asked) it prints a NotSupportedError with its stack to a console that no test can reach or spy on, and it has
// no setting to stay quiet (for scripts it has one, used in vite.config.ts). The frame still gets its 'error' event as
// before; every other line, from happy-dom or from the tests, still reaches the terminal.
import { builtinEnvironments } from 'vitest/runtime'
import type { Environment } from 'vitest/runtime'

const happyDom = builtinEnvironments['happy-dom']

const disabledFrameNotice = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Error).name === 'NotSupportedError' &&
  /^Failed to load iframe page ".*"\. Iframe page loading is disabled\.$/.test((value as Error).message)

function withoutFrameNotices(console: Console): Console {
  const error = (...args: unknown[]): void => {
    if (args.length === 1 && disabledFrameNotice(args[0])) return
    console.error(...args)
  }
  return new Proxy(console, { get: (target, key) => (key === 'error' ? error : Reflect.get(target, key)) })
}

export default {
  ...happyDom,
  name: 'happy-dom',
  async setup(global, options) {
    // happy-dom keeps the console it finds here as the page's console.
    const original = global.console
    global.console = withoutFrameNotices(original)
    try {
      return await happyDom.setup(global, options)
    } finally {
      global.console = original
    }
  },
} satisfies Environment
