export interface FixtureItem {
  title: string
  size?: string
  quantity?: number
  price?: string
  style?: string
}

/** The body of a retailer email as blocks, rendered to both an HTML and a text part. */
export type Block =
  | { p: string }
  | { items: FixtureItem[], heading?: string, layout?: 'stacked' | 'row' }
  | { total: string }
  | { tracking: string, carrier: string, href?: string }
  | { link: string, href: string }

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

export function renderHtml (title: string, blocks: readonly Block[]): string {
  const body = blocks.map(block => {
    if ('p' in block) return `<p style="margin:0 0 12px">${escape(block.p)}</p>`
    if ('total' in block) return `<table role="presentation"><tr><td>Order Total</td><td align="right"><b>${escape(block.total)}</b></td></tr></table>`
    if ('tracking' in block) {
      const number = block.href === undefined ? escape(block.tracking) : `<a href="${escape(block.href)}">${escape(block.tracking)}</a>`
      return `<div>Carrier: ${escape(block.carrier)}<br>Tracking number: ${number}</div>`
    }
    if ('link' in block) return `<p><a href="${escape(block.href)}" style="color:#111">${escape(block.link)}</a></p>`
    const rows = block.items.map(item => block.layout === 'row'
      ? `<tr><td>${escape(item.title)}</td><td>${item.size === undefined ? '' : `Size ${escape(item.size)}`}</td><td>Qty ${item.quantity ?? 1}</td><td>${escape(item.price ?? '')}</td></tr>`
      : `<tr><td><img src="https://cdn.example.com/p.jpg" alt=""></td><td><b>${escape(item.title)}</b><br>${
        item.style === undefined ? '' : `Style: ${escape(item.style)}<br>`}${
        item.size === undefined ? '' : `Size: ${escape(item.size)}<br>`}Qty: ${item.quantity ?? 1}</td><td>${escape(item.price ?? '')}</td></tr>`)
    return `${block.heading === undefined ? '' : `<h3>${escape(block.heading)}</h3>`}<table role="presentation" width="100%">${rows.join('')}</table>`
  })
  return [
    '<!DOCTYPE html>',
    `<html><head><meta charset="utf-8"><title>${escape(title)}</title>`,
    '<style>td { font-family: Helvetica, Arial, sans-serif; } .hide { display: none }</style>',
    '<script type="application/ld+json">{"@type":"Order","orderNumber":"SCRIPT-00000"}</script></head>',
    '<body><div class="hide">&nbsp;&zwnj;&nbsp;&zwnj;</div>',
    ...body,
    '<p style="font-size:11px">&copy; 2025 &mdash; Please do not reply to this email.</p>',
    '</body></html>'
  ].join('\n')
}

export function renderText (blocks: readonly Block[]): string {
  return blocks.map(block => {
    if ('p' in block) return block.p
    if ('total' in block) return `Order Total: ${block.total}`
    if ('tracking' in block) return `Carrier: ${block.carrier}\nTracking number: ${block.tracking}${block.href === undefined ? '' : `\n${block.href}`}`
    if ('link' in block) return `${block.link}: ${block.href}`
    const lines = block.items.map(item => block.layout === 'row'
      ? `${item.title} | Size ${item.size ?? '-'} | Qty ${item.quantity ?? 1} | ${item.price ?? ''}`
      : [item.title, item.style === undefined ? '' : `Style: ${item.style}`, item.size === undefined ? '' : `Size: ${item.size}`,
          `Qty: ${item.quantity ?? 1}`, item.price === undefined ? '' : `Price: ${item.price}`].filter(line => line !== '').join('\n'))
    return [block.heading, ...lines].filter(line => line !== undefined).join('\n\n')
  }).join('\n\n')
}
