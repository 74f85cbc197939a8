import { effect } from '@preact/signals'
import { render, type VNode } from 'preact'

/**
 * Renders `view()` into `root`, and again whenever a signal it read changes; returns the unmount.
 * With @preact/signals (the ESM build) each component also tracks its own reads. The IIFE bundles only
 * @preact/signals-core (scripts/build.mjs: 1.8 KB gzip less for every shopper), where this effect alone keeps
 * the view current — so every widget view must be rendered through here, never with Preact's `render`.
 */
export function renderLive(view: () => VNode, root: ShadowRoot): () => void {
  const dispose = effect(() => {
    render(view(), root)
  })
  return () => {
    dispose()
    render(null, root)
  }
}
