// The declared stack's floor (`npm run bench`): Preact and @preact/signals-core rendering one button, nothing
// else. Built by bench/run.mjs with the IIFE's own Vite settings (scripts/build.mjs `iifeConfig`), so the
// difference to the embed is what the widget itself costs on top of its stack.
import { effect, signal } from '@preact/signals-core'
import { render } from 'preact'

const label = signal('네이버페이 결제')
const target = document.getElementById('npay')
if (target) effect(() => render(<button type="button">{label.value}</button>, target))
