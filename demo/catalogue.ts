// The demo shop's catalogue. The server prices every order from this table (demo/merchant-server.ts,
// priceCart): the page shows the same prices, but what the browser sends as a price is never believed.
import type { CartItem } from '../src/index'

export type Product = Omit<CartItem, 'count'>

export const PRODUCTS: Readonly<Record<string, Product>> = {
  '107922211': { uid: '107922211', name: '한국사', price: 1500, categoryType: 'BOOK', categoryId: 'GENERAL' },
  '299911002': { uid: '299911002', name: '러블리즈', price: 12000, categoryType: 'MUSIC', categoryId: 'CD' },
  // 5원: below Naver Pay's 10원 minimum, so the widget's pre-flight refusal (an inspection item) can be shown.
  SAMPLE_5WON: { uid: 'SAMPLE_5WON', name: '최소 금액 시험용 샘플', price: 5, categoryType: 'ETC', categoryId: 'ETC' },
}

/** The monthly plan a shopper registers for; the shop later charges it from the orders page. */
export const PLAN: Product = { uid: 'PLAN_MONTHLY', name: '월간 구독 플랜', price: 9900, categoryType: 'ETC', categoryId: 'ETC' }

export const MAX_QTY = 99
