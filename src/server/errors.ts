/**
 * PortOne did not do what was asked. `status` is the HTTP status (`null` when no answer arrived: a timeout or a
 * network error, whose underlying error is `cause`), `code` PortOne's own code (`null` when the answer had none),
 * and `message` PortOne's message exactly as sent (show it as text, never as HTML). An HTTP 200 whose `code` is
 * not 0 is a failure too: PortOne reports a refused cancel that way.
 */
export class PortOneError extends Error {
  override readonly name = 'PortOneError'
  /** HTTP status, or `null` when PortOne never answered. */
  readonly status: number | null
  /** PortOne's `code` (never 0 here), or `null`. */
  readonly code: number | null
  /** The client method and PortOne call that failed, e.g. `cancelPayment (POST /payments/cancel)`. */
  readonly call: string
  /** True when the call was abandoned after the client's `timeout`. */
  readonly timedOut: boolean

  constructor(
    message: string,
    details: { status: number | null; code: number | null; call: string; timedOut?: boolean; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.status = details.status
    this.code = details.code
    this.call = details.call
    this.timedOut = details.timedOut ?? false
  }
}
