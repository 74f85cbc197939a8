/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** PortOne merchant code; when unset the demo runs on the simulated SDK. */
  readonly VITE_IMP_CODE?: string
  readonly VITE_CHANNEL_KEY?: string
  readonly VITE_PG?: string
}
