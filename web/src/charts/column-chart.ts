import { h, svg } from '../dom.ts'

export interface Point {
  label: string
  value: number
  /** The value as shown (an exact money string, say); the number only sets the height. */
  text: string
}

const WIDTH = 600
const HEIGHT = 160

/**
 * Columns over time (one per day): each carries a <title>, so hovering or long-pressing shows its exact value. The
 * bars stretch to any card width; the date labels are HTML under them, so they never stretch with the bars.
 */
export function columnChart (title: string, points: readonly Point[], tone = 'primary'): HTMLElement {
  const figure = h('figure', { class: `chart column-chart tone-${tone}` }, h('figcaption', {}, title))
  if (points.length === 0) {
    figure.append(h('p', { class: 'muted' }, 'No data in this range.'))
    return figure
  }
  const max = Math.max(...points.map((p) => p.value), 0) || 1
  const step = WIDTH / points.length
  const barWidth = Math.max(1, step * 0.72)
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title, preserveAspectRatio: 'none' })
  chart.append(svg('line', { class: 'axis', x1: 0, x2: WIDTH, y1: HEIGHT, y2: HEIGHT }))
  points.forEach((point, i) => {
    const height = (Math.max(point.value, 0) / max) * (HEIGHT - 4)
    const x = i * step + (step - barWidth) / 2
    chart.append(svg('rect', { class: 'bar', x: x.toFixed(1), y: (HEIGHT - height).toFixed(1), width: barWidth.toFixed(1), height: height.toFixed(1) },
      svg('title', {}, `${point.label}: ${point.text}`)))
  })
  const first = points[0]?.label ?? ''
  const middle = points[Math.floor((points.length - 1) / 2)]?.label ?? ''
  const last = points[points.length - 1]?.label ?? ''
  const peak = points.reduce((a, b) => (b.value > a.value ? b : a))
  figure.append(chart,
    h('div', { class: 'ticks', 'aria-hidden': 'true' }, h('span', {}, first), h('span', {}, points.length > 2 ? middle : ''), h('span', {}, last)),
    h('p', { class: 'chart-peak muted' }, `Peak ${peak.text} on ${peak.label}`))
  return figure
}
