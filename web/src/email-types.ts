// The shapes of the email API (docs/email.md): what was read from each email and what came of it.

export type EmailStatus = 'applied' | 'unmatched' | 'failed'

export interface EmailSummary {
  id: number
  message_id: string
  via: string
  received_at: string
  sent_at: string | null
  sender: string | null
  subject: string | null
  retailer: string | null
  kind: string | null
  order_number: string | null
  order_id: number | null
  status: EmailStatus
  problems: string[]
  updated_at: string
}

/** GET /api/v2/emails/:id: `raw` is the message as received, base64 when it is not UTF-8. */
export interface EmailDetail extends EmailSummary {
  raw: string
  raw_encoding: 'utf8' | 'base64'
}

export interface EmailPage {
  count: number
  next_before: number | null
  emails: EmailSummary[]
}

/** POST /api/v2/emails/:id/rerun */
export interface EmailRunResult {
  email_id: number
  status: EmailStatus | 'duplicate'
  kind: string | null
  retailer: string | null
  order_id: number | null
  order_number: string | null
  action?: string
  problems: string[]
}
