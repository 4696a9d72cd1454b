/** The dashboard at /newsroom: the day's views, Popular Now, 30 days, top sections and authors. */

import type { DashboardOverview, NamedViews } from '../../../engagement/index.js'
import { formatCount, formatViews } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'
import { BarChart, Sparkline } from '../components/charts.js'
import { Notice } from '../components/form-messages.js'
import { authorPath, sectionPath } from '../../site/site-urls.js'
import { formatWhen, STATUS_LABELS } from '../stories/story-labels.js'
import { dayLabel, hourLabel } from './figure-labels.js'

export interface DashboardPageProps {
  overview: DashboardOverview
  name: string
  notice?: string | undefined
}

/** "+12 % on yesterday at this hour", or how it compares when yesterday had none. */
export function comparison(today: number, yesterday: number): string {
  if (yesterday === 0)
    return today === 0 ? 'None yesterday by this hour either.' : 'None yesterday by this hour.'
  const change = Math.round(((today - yesterday) / yesterday) * 100)
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±'
  return `${sign}${Math.abs(change)} % on yesterday by this hour (${formatViews(yesterday)}).`
}

/** The `<main>` content of the dashboard. */
export function DashboardPage(props: DashboardPageProps): SafeHtml {
  const { overview } = props
  const hour = Math.floor(overview.asOf.getTime() / 3_600_000) * 3_600_000
  return (
    <div class="nr-dashboard">
      <h1>Dashboard</h1>
      <Notice message={props.notice} />
      <p class="nr-story-meta">
        Welcome, {props.name}. Figures as of {formatWhen(overview.asOf)}; views are counted once per
        reader, story and day, and reach these figures within a second or two.
      </p>

      <section aria-labelledby="today-heading" class="nr-panel">
        <h2 id="today-heading">Today</h2>
        <p class="nr-big-figure">{formatViews(overview.today.views)} since 00:00 UTC</p>
        <p>{comparison(overview.today.views, overview.today.sameTimeYesterday)}</p>
      </section>

      <section aria-labelledby="status-heading" class="nr-panel">
        <h2 id="status-heading">Stories by status</h2>
        <ul class="nr-status-counts">
          {overview.byStatus.map((s) => (
            <li>
              <a href={`/newsroom/stories?status=${s.status}`}>
                <span class="nr-big-figure">{formatCount(s.stories)}</span>{' '}
                {STATUS_LABELS[s.status]}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="popular-heading" class="nr-panel">
        <h2 id="popular-heading">Popular Now</h2>
        {overview.popularNow.length === 0 ? (
          <p>No story has been read in the last two days.</p>
        ) : (
          <ol class="nr-popular">
            {overview.popularNow.map((entry, i) => (
              <li>
                <a href={`/newsroom/stories/${entry.story.id}/figures`}>{entry.story.headline}</a>{' '}
                <span class="nr-story-meta">{entry.story.section.name}</span>
                <Sparkline
                  id={`spark-${i + 1}`}
                  title={`Views per hour of “${entry.story.headline}”, last 24 hours`}
                  labelHeader="Hour (UTC)"
                  valueHeader="Views"
                  points={entry.hourly.map((value, h) => ({
                    label: hourLabel(hour - (entry.hourly.length - 1 - h) * 3_600_000),
                    value,
                  }))}
                />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="days-heading" class="nr-panel">
        <h2 id="days-heading">Views, last 30 days</h2>
        <BarChart
          id="views-30-days"
          title="Views per day, last 30 days"
          labelHeader="Day"
          valueHeader="Views"
          points={overview.last30Days.map((d) => ({ label: dayLabel(d.day), value: d.views }))}
        />
      </section>

      <div class="nr-columns">
        <TopList
          id="sections-heading"
          heading="Top sections, last 24 hours"
          entries={overview.topSections}
          href={(slug) => sectionPath({ slug })}
        />
        <TopList
          id="authors-heading"
          heading="Top authors, last 24 hours"
          entries={overview.topAuthors}
          href={(slug) => authorPath({ slug })}
        />
      </div>
    </div>
  )
}

/** A ranked list of names with their views. */
function TopList(props: {
  id: string
  heading: string
  entries: readonly NamedViews[]
  href: (slug: string) => string
}): SafeHtml {
  return (
    <section aria-labelledby={props.id} class="nr-panel">
      <h2 id={props.id}>{props.heading}</h2>
      {props.entries.length === 0 ? (
        <p>No views in the last 24 hours.</p>
      ) : (
        <ol class="nr-top">
          {props.entries.map((e) => (
            <li>
              <a href={props.href(e.slug)}>{e.name}</a>: {formatViews(e.views)}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
