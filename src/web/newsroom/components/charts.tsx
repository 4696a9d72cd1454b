/**
 * Charts drawn on the server as SVG: no script, no third party. Each is an image with a title
 * and a description for assistive technology, followed by its figures as a table behind a
 * disclosure. Colours come from CSS custom properties, so they follow the dark colour scheme.
 */

import type { SafeHtml } from '../../render/html.js'
import { formatCount } from '../../render/format.js'

/** One bar or point: its label (a day, an hour) and its value. */
export interface ChartPoint {
  label: string
  value: number
}

export interface BarChartProps {
  /** Unique on the page: prefixes the ids the SVG's title and description use. */
  id: string
  title: string
  /** What the table's first column holds ("Day"). */
  labelHeader: string
  /** What the values are ("Views"). */
  valueHeader: string
  points: readonly ChartPoint[]
}

const WIDTH = 600
const HEIGHT = 200
const PAD_LEFT = 48
const PAD_BOTTOM = 24
const PAD_TOP = 12

/** A sentence that says what the chart shows: the span, the total, the highest and the last. */
export function describePoints(points: readonly ChartPoint[], valueHeader: string): string {
  if (points.length === 0) return 'No figures yet.'
  let top = points[0]!
  let total = 0
  for (const p of points) {
    total += p.value
    if (p.value > top.value) top = p
  }
  const last = points[points.length - 1]!
  const what = valueHeader.toLowerCase()
  return (
    `${points[0]!.label} to ${last.label}: ${formatCount(total)} ${what} in all; ` +
    `highest ${formatCount(top.value)} on ${top.label}; latest ${formatCount(last.value)}.`
  )
}

/** A vertical bar chart with a labelled value axis, then its table behind "Show as table". */
export function BarChart(props: BarChartProps): SafeHtml {
  const { id, points } = props
  const max = Math.max(1, ...points.map((p) => p.value))
  const plotWidth = WIDTH - PAD_LEFT
  const plotHeight = HEIGHT - PAD_BOTTOM - PAD_TOP
  const step = plotWidth / Math.max(1, points.length)
  const barWidth = Math.max(1, step * 0.75)
  const y = (value: number): number => PAD_TOP + plotHeight - (value / max) * plotHeight
  // A label under the first, the middle and the last bar: enough to read the span.
  const labelled = new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])
  return (
    <figure class="nr-chart">
      <svg
        class="nr-chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="none"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{describePoints(points, props.valueHeader)}</desc>
        <line
          class="nr-chart-axis"
          x1={PAD_LEFT}
          y1={PAD_TOP + plotHeight}
          x2={WIDTH}
          y2={PAD_TOP + plotHeight}
        />
        <line class="nr-chart-grid" x1={PAD_LEFT} y1={PAD_TOP} x2={WIDTH} y2={PAD_TOP} />
        <text class="nr-chart-text" x={PAD_LEFT - 6} y={PAD_TOP + 4} text-anchor="end">
          {formatCount(max)}
        </text>
        <text class="nr-chart-text" x={PAD_LEFT - 6} y={PAD_TOP + plotHeight} text-anchor="end">
          0
        </text>
        {points.map((p, i) => (
          <rect
            class="nr-chart-bar"
            x={(PAD_LEFT + i * step + (step - barWidth) / 2).toFixed(1)}
            y={y(p.value).toFixed(1)}
            width={barWidth.toFixed(1)}
            height={(PAD_TOP + plotHeight - y(p.value)).toFixed(1)}
          />
        ))}
        {points.map((p, i) =>
          labelled.has(i) ? (
            <text
              class="nr-chart-text"
              x={(PAD_LEFT + i * step + step / 2).toFixed(1)}
              y={HEIGHT - 6}
              text-anchor={i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle'}
            >
              {p.label}
            </text>
          ) : null,
        )}
      </svg>
      <ChartTable
        caption={props.title}
        labelHeader={props.labelHeader}
        valueHeader={props.valueHeader}
        points={points}
      />
    </figure>
  )
}

export interface SparklineProps {
  id: string
  /** Names the line for assistive technology ("Views per hour of …"). */
  title: string
  labelHeader: string
  valueHeader: string
  points: readonly ChartPoint[]
}

const SPARK_WIDTH = 120
const SPARK_HEIGHT = 28

/** A small line of values (views per hour), then its table behind "Show as table". */
export function Sparkline(props: SparklineProps): SafeHtml {
  const { id, points } = props
  const max = Math.max(1, ...points.map((p) => p.value))
  const step = SPARK_WIDTH / Math.max(1, points.length - 1)
  const coords = points
    .map(
      (p, i) =>
        `${(i * step).toFixed(1)},${(SPARK_HEIGHT - 2 - (p.value / max) * (SPARK_HEIGHT - 4)).toFixed(1)}`,
    )
    .join(' ')
  return (
    <div class="nr-spark">
      <svg
        class="nr-spark-svg"
        viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`}
        width={SPARK_WIDTH}
        height={SPARK_HEIGHT}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{describePoints(points, props.valueHeader)}</desc>
        <polyline class="nr-spark-line" points={coords} />
      </svg>
      <ChartTable
        caption={props.title}
        labelHeader={props.labelHeader}
        valueHeader={props.valueHeader}
        points={points}
      />
    </div>
  )
}

/** A chart's figures as a table, closed by default (a native disclosure: keyboard and no JS). */
function ChartTable(props: {
  caption: string
  labelHeader: string
  valueHeader: string
  points: readonly ChartPoint[]
}): SafeHtml {
  return (
    <details class="nr-chart-table">
      <summary>
        Show as table<span class="visually-hidden">: {props.caption}</span>
      </summary>
      <table class="nr-table">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{props.labelHeader}</th>
            <th scope="col">{props.valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {props.points.map((p) => (
            <tr>
              <th scope="row">{p.label}</th>
              <td>{formatCount(p.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  )
}
