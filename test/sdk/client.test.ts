import { describe, expect, test, vi } from 'vitest'
import { createSdkClient, type Imp } from '../../src/sdk'

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
