/** A story's own figures: views by day since publishing, referring hosts, readers who went on. */

import type { StoryFigures } from '../../../engagement/index.js'
import { formatCount, formatViews } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'
import { articlePath } from '../../site/site-urls.js'
import { BarChart } from '../components/charts.js'
import { formatWhen, STATUS_LABELS } from '../stories/story-labels.js'
import { dayLabel } from './figure-labels.js'

/** "42 %" (whole percents; "less than 1 %" rather than a misleading 0). */
export function percent(share: number): string {
  if (share > 0 && share < 0.01) return 'less than 1 %'
  return `${Math.round(share * 100)} %`
}

/** The `<main>` content of /newsroom/stories/:id/figures. */
export function StoryFiguresPage(props: { figures: StoryFigures }): SafeHtml {
  const { story, byDay, referrers } = props.figures
  const { totalViews, referredViews, continued, continuedShare } = props.figures
  const live = story.status === 'published'
  return (
    <div class="nr-dashboard">
      <h1>Figures: {story.headline}</h1>
      <p class="nr-story-meta">
        {STATUS_LABELS[story.status]}
        {story.publishedAt === null ? null : (
          <>, published {formatWhen(story.publishedAt)}</>
        )} in {story.sectionName}. <a href={`/newsroom/stories/${story.id}`}>Open in the editor</a>
        {live ? (
          <>
            {' '}
            ·{' '}
            <a href={articlePath({ slug: story.slug, section: { slug: story.sectionSlug } })}>
              Read on the site
            </a>
          </>
        ) : null}
      </p>

      <section aria-labelledby="totals-heading" class="nr-panel">
        <h2 id="totals-heading">In all</h2>
        <dl class="nr-figures">
          <div>
            <dt>Views</dt>
            <dd class="nr-big-figure">{formatCount(totalViews)}</dd>
          </div>
          <div>
            <dt>Went on to another story</dt>
            <dd class="nr-big-figure">{percent(continuedShare)}</dd>
            <dd>
              {formatCount(continued)} {continued === 1 ? 'reader' : 'readers'} read another story
              the same day
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="days-heading" class="nr-panel">
        <h2 id="days-heading">Views by day</h2>
        <BarChart
          id="story-days"
          title="Views per day since publishing"
          labelHeader="Day"
          valueHeader="Views"
          points={byDay.map((d) => ({ label: dayLabel(d.day), value: d.views }))}
        />
      </section>

      <section aria-labelledby="referrers-heading" class="nr-panel">
        <h2 id="referrers-heading">Where readers came from</h2>
        <p>
          Sites that sent readers, by host name only (the rest of the address is never kept).{' '}
          {formatViews(Math.max(0, totalViews - referredViews))} came without a referrer (typed,
          bookmarked, from an app, or counted before referrers were recorded).
        </p>
        {referrers.length === 0 ? (
          <p>No referring sites yet.</p>
        ) : (
          <table class="nr-table">
            <caption>Referring hosts, most views first</caption>
            <thead>
              <tr>
                <th scope="col">Host</th>
                <th scope="col">Views</th>
              </tr>
            </thead>
            <tbody>
              {referrers.map((r) => (
                <tr>
                  <th scope="row">{r.host}</th>
                  <td>{formatCount(r.views)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
