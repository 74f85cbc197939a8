// PortOne's frames below are only DOM: vite.config.ts keeps happy-dom from fetching service.iamport.kr.
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createSdkClient, loadSdk, type Imp } from '../../src/sdk'

const fakeImp = (): Imp => ({ init: vi.fn(), request_pay: vi.fn() })
const PARAMS = { merchant_uid: 'm_1', name: '한국사', amount: 1500, naverProducts: [], naverPopupMode: true } as never

describe('IMP.init', () => {
  afterEach(() => {
    delete window.IMP
    document.body.innerHTML = ''
    vi.restoreAllMocks()
  })

  test('is called once, when the SDK has loaded and before any click; request_pay never calls it again', async () => {
    const imp = (window.IMP = fakeImp())
    const client = createSdkClient({ impCode: 'imp12345678' })
    expect(client.ready()).toBeUndefined() // IMP.init is still ours to call: not ready for a click yet
    await client.load()
    await createSdkClient({ impCode: 'imp12345678' }).load() // a second widget on the page
    expect(imp.init).toHaveBeenCalledTimes(1)
    expect(imp.init).toHaveBeenCalledWith('imp12345678')
    expect(client.ready()).toBe(imp)
    client.requestPay(imp, PARAMS, () => {})
    client.requestPay(imp, PARAMS, () => {})
    expect(imp.init).toHaveBeenCalledTimes(1)
    expect(imp.request_pay).toHaveBeenCalledTimes(2)
  })

  test("a page's own initialised IMP (PortOne's frames are there, loaded before the widget) is never initialised again", async () => {
    vi.resetModules() // a page where the widget has not watched anything yet
    const { createSdkClient: fresh } = await import('../../src/sdk')
    const imp = (window.IMP = fakeImp())
    const url = 'https://service.iamport.kr/payments/ready/imp_shop'
    document.body.innerHTML = `<div class="imp-dialog"><iframe class="imp-frame imp-frame-pc" src="${url}"></iframe></div>`
    // It loaded long before the widget listened: only its resource-timing entry tells.
    vi.spyOn(performance, 'getEntriesByName').mockImplementation((name) => (name === url ? [{ name } as PerformanceEntry] : []))
    const client = fresh({ impCode: 'imp12345678' })
    await client.load()
    expect(imp.init).not.toHaveBeenCalled()
    expect(client.ready()).toBe(imp)
  })

  test("without an impCode it is left to the page: a shop's own IMP.init('imp…') is not overwritten with an empty code", async () => {
    const imp = (window.IMP = fakeImp())
    const client = createSdkClient({})
    await client.load()
    client.requestPay(imp, PARAMS, () => {})
    expect(imp.init).not.toHaveBeenCalled()
    expect(imp.request_pay).toHaveBeenCalledTimes(1)
  })
})

describe("PortOne's readiness: its frame has loaded", () => {
  afterEach(() => {
    delete window.IMP
    document.body.innerHTML = ''
  })

  test('while the frame IMP.init built is still loading, the SDK is not ready: a click is answered like "not loaded"', async () => {
    let frame!: HTMLIFrameElement
    // As PortOne's init does: a dialog with an iframe.imp-frame, at about:blank first, then at service.iamport.kr.
    const imp = (window.IMP = {
      init: vi.fn(() => {
        setTimeout(() => {
          document.body.insertAdjacentHTML('beforeend', '<div class="imp-dialog"><iframe class="imp-frame imp-frame-default" src="about:blank"></iframe></div>')
          frame = document.querySelector('iframe.imp-frame')!
          frame.dispatchEvent(new Event('load')) // about:blank: not PortOne's page yet
          frame.setAttribute('src', 'https://service.iamport.kr/payments/ready/imp12345678')
        })
      }),
      request_pay: vi.fn(),
    })
    const client = createSdkClient({ impCode: 'imp12345678', sdkTimeout: 5000 })
    let loaded = false
    const load = client.load().then(() => (loaded = true))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(imp.init).toHaveBeenCalledTimes(1)
    expect(loaded).toBe(false)
    expect(client.ready()).toBeUndefined()
    frame.dispatchEvent(new Event('load'))
    await load
    expect(client.ready()).toBe(imp)
    // PortOne rebuilds its frame (after a PG error it re-inits itself): not ready again until it has loaded.
    const again = frame.cloneNode() as HTMLIFrameElement
    frame.replaceWith(again)
    expect(client.ready()).toBeUndefined()
    again.dispatchEvent(new Event('load'))
    expect(client.ready()).toBe(imp)
  })

  test('a frame that never loads ends the wait at sdkTimeout, as a timed-out load', async () => {
    window.IMP = { init: vi.fn(() => document.body.insertAdjacentHTML('beforeend', '<iframe class="imp-frame" src="https://service.iamport.kr/payments/ready/x"></iframe>')), request_pay: vi.fn() }
    await expect(createSdkClient({ impCode: 'imp12345678', sdkTimeout: 1000 }).load()).rejects.toMatchObject({ kind: 'timeout' })
  })
})

describe("the shop's own <script src> of the SDK URL", () => {
  afterEach(() => {
    delete window.IMP
    document.body.innerHTML = ''
    vi.restoreAllMocks()
  })

  /** The shop's tag, as if parsed (happy-dom does not fetch it), and a spy on the tags the loader adds itself. */
  function shopTag(url: string) {
    document.body.innerHTML = `<script src="${url}"></script>`
    const appended: string[] = []
    vi.spyOn(document.head, 'appendChild').mockImplementation(<T extends Node>(node: T): T => {
      appended.push((node as unknown as HTMLScriptElement).src)
      return node
    })
    return { tag: document.body.querySelector('script')!, appended }
  }

  test('it loads and defines IMP: that IMP is used, no second copy', async () => {
    const { tag, appended } = shopTag('https://cdn.example.test/a.js')
    const load = loadSdk('https://cdn.example.test/a.js', 2000)
    window.IMP = { init: vi.fn(), request_pay: vi.fn() }
    tag.dispatchEvent(new Event('load'))
    expect(await load).toBe(window.IMP)
    expect(appended).toEqual([])
  })

  test('it loads but defines no IMP (a wrong sdkUrl): "no IMP" at once, without running that script a second time', async () => {
    const { tag, appended } = shopTag('https://cdn.example.test/b.js')
    const load = loadSdk('https://cdn.example.test/b.js', 2000)
    tag.dispatchEvent(new Event('load'))
    await expect(load).rejects.toMatchObject({ kind: 'no_global' })
    expect(appended).toEqual([])
  })

  test('it fails to load: the widget loads its own copy', async () => {
    const { tag, appended } = shopTag('https://cdn.example.test/c.js')
    const load = loadSdk('https://cdn.example.test/c.js', 2000)
    tag.dispatchEvent(new Event('error'))
    expect(appended).toEqual(['https://cdn.example.test/c.js'])
    load.catch(() => {}) // our own copy never answers here
  })
})
