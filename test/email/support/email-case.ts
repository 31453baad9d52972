import type { CancelledItem, EmailKind } from '../../../src/email/email-reading.ts'
import { renderHtml, renderText, type Block } from './content.ts'
import { forwardGmail, forwardOutlook } from './forward.ts'
import { renderEml, type Encoding, type MimeMessage } from './mime.ts'

export const BOT_ACCOUNT = 'kicks.bot.04@example.com'

/** One fixture email and what reading it must give. */
export interface EmailCase {
  /** The fixture's file name in test/fixtures/emails, without `.eml`. */
  name: string
  from: string
  to?: string
  subject: string
  date?: string
  format?: 'alternative' | 'html' | 'text'
  encoding?: Encoding
  blocks: Block[]
  forward?: 'gmail' | 'outlook'
  expect: Expectation
}

export interface Expectation {
  retailer: string
  kind: EmailKind
  /** null: no order number, so no patch. */
  orderNumber: string | null
  store?: string
  /** null: the patch must not set a status. */
  status?: string | null
  trackings?: Array<{ number: string, carrier: string }>
  product?: string
  size?: string
  quantity?: number
  price?: string
  total?: string
  cancelledItems?: CancelledItem[]
  /** How many problems the reading reports; 0 when left out. */
  problems?: number
}

export function caseMessage (emailCase: EmailCase): MimeMessage {
  const format = emailCase.format ?? 'alternative'
  const message: MimeMessage = {
    from: emailCase.from,
    to: emailCase.to ?? `<${BOT_ACCOUNT}>`,
    subject: emailCase.subject,
    date: emailCase.date ?? 'Mon, 03 Mar 2025 14:05:00 +0000',
    messageId: `${emailCase.name}.20250303140500@mail.roms-fixtures.example`,
    encoding: emailCase.encoding ?? 'quoted-printable'
  }
  if (format !== 'text') message.html = renderHtml(emailCase.subject, emailCase.blocks)
  if (format !== 'html') message.text = renderText(emailCase.blocks)
  if (emailCase.forward === 'gmail') return forwardGmail(message)
  if (emailCase.forward === 'outlook') return forwardOutlook(message)
  return message
}

export function renderCase (emailCase: EmailCase): string {
  return renderEml(caseMessage(emailCase))
}
