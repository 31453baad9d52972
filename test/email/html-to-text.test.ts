import { describe, expect, it } from 'vitest'
import { htmlToText } from '../../src/email/html-to-text.ts'

describe('htmlToText', () => {
  it('drops scripts, styles, the head and comments', () => {
    const html = '<html><head><title>T</title><style>p{color:red}</style></head><body><!-- hidden 123 --><script>var order = "X1"</script><p>Visible</p></body></html>'
    expect(htmlToText(html)).toBe('Visible')
  })

  it('breaks lines at block elements and <br>, and keeps table cells apart on one line', () => {
    const html = '<div>Nike Dunk<br>Size: 10</div><table><tr><td>Qty: 1</td><td>$115.00</td></tr></table><p>Done</p>'
    expect(htmlToText(html)).toBe('Nike Dunk\nSize: 10\n\nQty: 1\t$115.00\n\nDone')
  })

  it('decodes named, decimal and hex entities once', () => {
    expect(htmlToText('<p>Tom&amp;Co &#36;5 &#x2014; caf&eacute; &amp;lt; &nbsp;x</p>')).toBe('Tom&Co $5 — café &lt; x')
  })

  it('decodes every entity HTML names, not only the common few', () => {
    expect(htmlToText('<p>Gr&ouml;&szlig;e 44&nbsp;&frac12; &ndash; 119,99&nbsp;&euro; &pound;5 Tee&nbsp;&times;&nbsp;2 &Eacute;t&eacute;</p>')).toBe('Größe 44 ½ – 119,99 € £5 Tee × 2 Été')
  })

  it('leaves unknown entities as written', () => {
    expect(htmlToText('<p>&madeup; &#xD800;</p>')).toBe('&madeup; &#xD800;')
  })
})
