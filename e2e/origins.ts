// Where the e2e server and the demo listen. Movable (E2E_PORT, DEMO_PORT) so two checkouts of the project can run
// their suites side by side on one machine.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4321)
export const DEMO_PORT = Number(process.env.DEMO_PORT ?? 5174)
export const E2E_ORIGIN = `http://127.0.0.1:${E2E_PORT}`
export const DEMO_ORIGIN = `http://127.0.0.1:${DEMO_PORT}`
