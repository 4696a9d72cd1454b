/** The front page: top stories, a block per section, and the rails. */

import type { SafeHtml } from '../../render/html.js'
import { absoluteUrl, Layout } from '../../render/layout.js'
import { photoCrops } from '../../../media/index.js'
import { mustReadsNote, Rail } from '../components/rail.js'
import { StoryCard, StoryList } from '../components/story-card.js'
import { publisherData, webSiteData } from '../metadata/site-data.js'
import { sectionPath } from '../site-urls.js'
import type { FrontPageProps } from './load-front-page.js'

/** Renders the front page document. */
export function FrontPage(props: FrontPageProps): SafeHtml {
  const { frame } = props
  const { site } = frame
  const language = site.language
  const [lead, ...others] = props.topStories
  const leadImage =
    lead?.leadPhoto == null
      ? undefined
      : photoCrops(lead.leadPhoto).find((crop) => crop.ratio === '16x9')
  const description = `The latest news from ${site.name}: ${frame.sections.map((s) => s.name).join(', ')}.`
  return (
    <Layout
      frame={frame}
      isFront
      meta={{
        title: site.name,
        description,
        canonicalPath: '/',
        ogType: 'website',
        image:
          leadImage === undefined || lead?.leadPhoto == null
            ? undefined
            : {
                url: absoluteUrl(site, leadImage.url),
                width: leadImage.width,
                height: leadImage.height,
                alt: lead.leadPhoto.alt,
              },
        jsonLd: [
          webSiteData(site, frame.assets.favicon),
          { '@context': 'https://schema.org', ...publisherData(site, frame.assets.favicon) },
        ],
      }}
    >
      <div class="front-layout">
        <div class="front-main">
          <section class="top-stories" aria-labelledby="top-stories-title">
            <h2 id="top-stories-title" class="block-title">
              Top stories
            </h2>
            {lead === undefined ? (
              <p>No stories have been published yet.</p>
            ) : (
              <div class="top-grid">
                <StoryCard story={lead} language={language} level={3} withPhoto lead />
                <StoryList stories={others} language={language} level={3} withPhoto />
              </div>
            )}
          </section>
          {props.blocks
            .filter((block) => block.stories.length > 0)
            .map((block) => (
              <section class="section-block" aria-labelledby={`block-${block.section.slug}`}>
                <h2 id={`block-${block.section.slug}`} class="block-title">
                  <a href={sectionPath(block.section)}>{block.section.name}</a>
                </h2>
                <StoryList stories={block.stories} language={language} level={3} />
              </section>
            ))}
        </div>
        <div class="rails">
          <Rail
            id="rail-popular"
            title="Popular Now"
            stories={props.popularNow}
            language={language}
            numbered
            emptyText="No story has been read in the last day."
          />
          <Rail
            id="rail-weekly-best"
            title="Weekly Best Articles"
            stories={props.weeklyBest}
            language={language}
            numbered
            emptyText="No story has been read this week yet."
          />
          <Rail
            id="rail-must-reads"
            title="Must-Reads"
            stories={props.mustReads}
            language={language}
            numbered
            note={mustReadsNote(props.mustReadsPicked, props.mustReads.length)}
            emptyText="Our editors have not picked any stories yet."
          />
        </div>
      </div>
    </Layout>
  )
}
