import type { MimeMessage } from './mime.ts'

const FORWARDER = 'Riley Quinn <riley.quinn.resells@example.net>'
const FORWARD_DATE = 'Tue, 04 Mar 2025 09:30:00 +0000'

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function innerHtml (html: string): string {
  return /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html
}

/** Gmail's forward: "Fwd:" subject and a "---------- Forwarded message ---------" block (as Gmail writes it in 2025). */
export function forwardGmail (original: MimeMessage): MimeMessage {
  const header = [
    '---------- Forwarded message ---------',
    `From: ${original.from}`,
    'Date: Mon, Mar 3, 2025 at 2:05 PM',
    `Subject: ${original.subject}`,
    `To: ${original.to}`
  ]
  const address = /<([^>]+)>/.exec(original.from)?.[1] ?? original.from
  const name = original.from.replace(/\s*<[^>]+>/, '')
  return {
    ...original,
    from: FORWARDER,
    to: '<orders@roms.example.org>',
    subject: `Fwd: ${original.subject}`,
    date: FORWARD_DATE,
    messageId: `fwd.${original.messageId}`,
    text: original.text === undefined ? undefined : `\n\n${header.join('\n')}\n\n\n${original.text}`,
    html: original.html === undefined
      ? undefined
      : `<div dir="ltr"><br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: <strong class="gmail_sendername" dir="auto">${escape(name)}</strong> <span dir="auto">&lt;<a href="mailto:${address}">${address}</a>&gt;</span><br>Date: Mon, Mar 3, 2025 at 2:05 PM<br>Subject: ${escape(original.subject)}<br>To: ${escape(original.to)}<br></div><br><br>${innerHtml(original.html)}</div></div>`
  }
}

/** Outlook's forward: "FW:" subject and a "From: / Sent: / To: / Subject:" block under a rule. */
export function forwardOutlook (original: MimeMessage): MimeMessage {
  const to = original.to.replace(/[<>]/g, '')
  return {
    ...original,
    from: FORWARDER,
    to: '<orders@roms.example.org>',
    subject: `FW: ${original.subject}`,
    date: FORWARD_DATE,
    messageId: `fwd.${original.messageId}`,
    text: original.text === undefined
      ? undefined
      : `\n\n________________________________\nFrom: ${original.from}\nSent: Monday, March 3, 2025 2:05 PM\nTo: ${to}\nSubject: ${original.subject}\n\n${original.text}`,
    html: original.html === undefined
      ? undefined
      : `<html><body><div>FYI</div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> ${escape(original.from)}<br><b>Sent:</b> Monday, March 3, 2025 2:05 PM<br><b>To:</b> ${to} &lt;${to}&gt;<br><b>Subject:</b> ${escape(original.subject)}</font><div>&nbsp;</div></div>${innerHtml(original.html)}</body></html>`
  }
}
