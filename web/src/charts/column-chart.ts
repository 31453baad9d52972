import { h, svg } from '../dom.ts'

export interface Point {
  label: string
  value: number
  /** The value as shown (an exact money string, say); the number only sets the height. */
  text: string
}

const WIDTH = 600
const HEIGHT = 180
const PAD = { top: 10, right: 8, bottom: 22, left: 8 }

/** Columns over time (one per day): each carries a <title>, so hovering or long-pressing shows its exact value. */
export function columnChart (title: string, points: readonly Point[], tone = 'primary'): HTMLElement {
  const figure = h('figure', { class: `chart column-chart tone-${tone}` }, h('figcaption', {}, title))
  if (points.length === 0) {
    figure.append(h('p', { class: 'muted' }, 'No data in this range.'))
    return figure
  }
  const max = Math.max(...points.map((p) => p.value), 0) || 1
  const plotWidth = WIDTH - PAD.left - PAD.right
  const plotHeight = HEIGHT - PAD.top - PAD.bottom
  const step = plotWidth / points.length
  const barWidth = Math.max(1, step * 0.72)
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title, preserveAspectRatio: 'none' })
  chart.append(svg('line', { class: 'axis', x1: PAD.left, x2: WIDTH - PAD.right, y1: HEIGHT - PAD.bottom, y2: HEIGHT - PAD.bottom }))
  points.forEach((point, i) => {
    const height = (Math.max(point.value, 0) / max) * plotHeight
    const x = PAD.left + i * step + (step - barWidth) / 2
    chart.append(svg('rect', { class: 'bar', x: x.toFixed(1), y: (HEIGHT - PAD.bottom - height).toFixed(1), width: barWidth.toFixed(1), height: height.toFixed(1) },
      svg('title', {}, `${point.label}: ${point.text}`)))
  })
  const labelled = [0, Math.floor((points.length - 1) / 2), points.length - 1]
  for (const i of new Set(labelled)) {
    const point = points[i]
    if (point === undefined) continue
    const anchor = i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'
    const x = i === 0 ? PAD.left : i === points.length - 1 ? WIDTH - PAD.right : PAD.left + (i + 0.5) * step
    chart.append(svg('text', { class: 'tick', x: x.toFixed(1), y: HEIGHT - 6, 'text-anchor': anchor }, point.label))
  }
  figure.append(chart, h('p', { class: 'chart-peak muted' }, `Peak ${points.reduce((a, b) => (b.value > a.value ? b : a)).text}`))
  return figure
}
