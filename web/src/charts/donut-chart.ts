import { h, svg } from '../dom.ts'

export interface Slice {
  label: string
  value: number
  /** A CSS class that picks the colour (tone-shipped...), so colours stay in the stylesheet. */
  tone: string
}

const RADIUS = 40
const CIRCUMFERENCE = 2 * Math.PI * RADIUS

/** A ring with one arc per slice (stroke-dasharray on circles), and a legend with the exact counts. */
export function donutChart (title: string, slices: readonly Slice[], centre: string): HTMLElement {
  const total = slices.reduce((sum, s) => sum + s.value, 0)
  const chart = svg('svg', { viewBox: '0 0 100 100', role: 'img', 'aria-label': title, class: 'donut' })
  chart.append(svg('circle', { class: 'donut-track', cx: 50, cy: 50, r: RADIUS }))
  let offset = 0
  for (const slice of slices) {
    if (slice.value <= 0 || total === 0) continue
    const length = (slice.value / total) * CIRCUMFERENCE
    chart.append(svg('circle', {
      class: `donut-slice ${slice.tone}`,
      cx: 50,
      cy: 50,
      r: RADIUS,
      'stroke-dasharray': `${length.toFixed(2)} ${(CIRCUMFERENCE - length).toFixed(2)}`,
      // Arcs start at twelve o'clock and follow each other clockwise.
      'stroke-dashoffset': (CIRCUMFERENCE / 4 - offset).toFixed(2)
    }, svg('title', {}, `${slice.label}: ${slice.value}`)))
    offset += length
  }
  chart.append(svg('text', { class: 'donut-centre', x: 50, y: 54, 'text-anchor': 'middle' }, centre))
  const legend = h('ul', { class: 'legend' }, ...slices.filter((s) => s.value > 0).map((slice) =>
    h('li', {}, h('span', { class: `swatch ${slice.tone}` }), slice.label, h('span', { class: 'legend-value' }, String(slice.value)))
  ))
  return h('figure', { class: 'chart donut-chart' }, h('figcaption', {}, title), h('div', { class: 'donut-body' }, chart, legend))
}
