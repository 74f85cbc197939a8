// Shared by the server tests: a PortOne double on 127.0.0.1 and a client pointed at it.
import { afterEach } from 'vitest'
import { createPortOneClient, type PortOneClient, type PortOneClientOptions } from '../../src/server'
import type { PortOneClientInternals } from '../../src/server/portone'
import { startPortOneDouble, TEST_IMP_KEY, TEST_IMP_SECRET, type PortOneDouble, type PortOneDoubleOptions } from '../portone/double'

const open: PortOneDouble[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()))
})

export async function withDouble(
  doubleOptions: PortOneDoubleOptions = {},
  clientOptions: Partial<PortOneClientOptions> & PortOneClientInternals = {},
): Promise<{ portone: PortOneDouble; client: PortOneClient }> {
  const portone = await startPortOneDouble(doubleOptions)
  open.push(portone)
  const client = createPortOneClient({ impKey: TEST_IMP_KEY, impSecret: TEST_IMP_SECRET, baseUrl: portone.url, ...clientOptions })
  return { portone, client }
}

/** A paid payment at the double, as if a shopper had just paid in the window. */
export function paid(portone: PortOneDouble, merchantUid: string, amount: number, extra: { sandbox?: boolean } = {}) {
  const result = portone.state.pay({ merchantUid, amount, name: '테스트 상품', ...extra })
  if (!result.ok) throw new Error(result.message)
  return result.payment
}
