/** @jsxRuntime classic */
/** @jsx h */
/** @jsxFrag Fragment */
// Classic JSX (h), not the automatic runtime: preact/jsx-runtime is a second element factory beside the h that
// render already carries, about 0.4 KB gzip of the script-tag bundle for nothing.
import { Fragment, h } from 'preact'
import type { CheckoutStore } from './store'

/** The status and alert regions. The widget and the landing page show outcomes through this one view. */
export function ResultView({ store }: { store: CheckoutStore }) {
  const view = store.view.value
  const statusText = view.kind === 'progress' || view.kind === 'notice' || view.kind === 'success' ? view.text : ''
  return (
    <>
      <div role="status" class={`npay-status npay-${view.kind}`} part="status">
        {statusText}
      </div>
      <div role="alert" class="npay-alert" part="alert">
        {view.kind === 'alert' ? view.text : ''}
      </div>
      {view.kind === 'alert' && view.retry && (
        <button type="button" class="npay-retry" part="retry" onClick={store.retryVerify}>
          {store.retryLabel}
        </button>
      )}
    </>
  )
}

/** The pay button above the result view. Renders the store's state; decides nothing about payments. */
export function Widget({ store }: { store: CheckoutStore }) {
  const busy = store.busy.value
  return (
    <div class="npay" part="container">
      <button
        type="button"
        class="npay-button"
        part="button"
        aria-disabled={busy ? 'true' : undefined}
        aria-busy={busy ? 'true' : undefined}
        onClick={store.pay}
      >
        <span class="npay-logo" part="logo" aria-hidden="true" />
        <span class="npay-label">{store.label}</span>
      </button>
      <ResultView store={store} />
    </div>
  )
}
