import { afterEach, describe, expect, test, vi } from 'vitest'
import { createSdkClient, loadSdk, type Imp } from '../../src/sdk'

const fakeImp = (): Imp => ({ init: vi.fn(), request_pay: vi.fn() })
const PARAMS = { merchant_uid: 'm_1', name: '한국사', amount: 1500, naverProducts: [], naverPopupMode: true } as never

describe('IMP.init', () => {
  test('is called once per code, before request_pay', () => {
    const imp = fakeImp()
    const client = createSdkClient({ impCode: 'imp12345678' })
    client.requestPay(imp, PARAMS, () => {})
    client.requestPay(imp, PARAMS, () => {})
    expect(imp.init).toHaveBeenCalledTimes(1)
    expect(imp.init).toHaveBeenCalledWith('imp12345678')
    expect(imp.request_pay).toHaveBeenCalledTimes(2)
  })

  test("without an impCode it is left to the page: a shop's own IMP.init('imp…') is not overwritten with an empty code", () => {
    const imp = fakeImp()
    createSdkClient({}).requestPay(imp, PARAMS, () => {})
    expect(imp.init).not.toHaveBeenCalled()
    expect(imp.request_pay).toHaveBeenCalledTimes(1)
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
