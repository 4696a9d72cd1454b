/** The article page: the story with its photo, authors, comments, rails and share links. */

import { photoCrops } from '../../../media/index.js'
import { storyDates } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'
import { absoluteUrl, Layout, type MetaImage } from '../../render/layout.js'
import { ArticleBody } from '../components/article-body.js'
import { AuthorBoxes } from '../components/author-box.js'
import { Byline } from '../components/byline.js'
import { CommentsSection } from '../components/comments.js'
import { LeadFigure } from '../components/lead-figure.js'
import { mustReadsNote, Rail } from '../components/rail.js'
import { ShareLinks } from '../components/share-links.js'
import { SponsoredNotice, StoryLabel } from '../components/story-label.js'
import { StoryNotes } from '../components/story-notes.js'
import { articleData } from '../metadata/article-data.js'
import { breadcrumbData } from '../metadata/site-data.js'
import { articlePath, sectionPath, tagPath } from '../site-urls.js'
import type { ArticlePageProps } from './load-article-page.js'

/** Renders the article page document. */
export function ArticlePage(props: ArticlePageProps): SafeHtml {
  const { article, frame } = props
  const { site } = frame
  const language = site.language
  const url = absoluteUrl(site, props.canonicalPath)
  const image = ogImage(props)
  // The newsroom's SEO fields, when filled, speak to search engines and link previews; the page
  // itself always shows the headline and dek.
  const title = article.seoTitle === '' ? article.headline : article.seoTitle
  const description =
    article.seoDescription !== ''
      ? article.seoDescription
      : article.dek === ''
        ? article.headline
        : article.dek
  const sectionLabel = article.section.name.toLocaleUpperCase(language)
  const refused = props.refused
  const dates = storyDates(article)
  return (
    <Layout
      frame={frame}
      activeSection={article.section.slug}
      scripts={[
        frame.assets.scripts.commentCounter,
        frame.assets.scripts.copyLink,
        frame.assets.scripts.viewBeacon,
      ]}
      meta={{
        title,
        description,
        canonicalPath: props.canonicalPath,
        ogType: 'article',
        image,
        article: {
          publishedTime: dates.published,
          modifiedTime: dates.modified,
          section: article.section.name,
          tags: article.tags.map((t) => t.name),
        },
        jsonLd: [
          articleData(site, article, { url, description, logoPath: frame.assets.favicon }),
          breadcrumbData(site, [
            { name: article.section.name, path: sectionPath(article.section) },
            { name: article.headline, path: articlePath(article) },
          ]),
        ],
        noindex: refused !== undefined,
      }}
    >
      <div class="article-layout">
        <article class="story" data-view-token={props.viewToken}>
          <header class="story-header">
            <p class="section-label">
              <a href={sectionPath(article.section)}>{article.section.name}</a>{' '}
              <StoryLabel label={article.label} />
            </p>
            <h1 class="story-headline">{article.headline}</h1>
            {article.dek === '' ? null : <p class="story-dek">{article.dek}</p>}
            {article.label === 'sponsored' ? <SponsoredNotice /> : null}
            <Byline
              authors={article.authors}
              publishedAt={dates.published}
              updatedAt={dates.updated}
              views={props.views}
              language={language}
            />
          </header>
          <StoryNotes notes={article.notes} language={language} />
          {article.leadPhoto === null ? null : <LeadFigure photo={article.leadPhoto} />}
          <ArticleBody html={article.bodyHtml} />
          {article.tags.length === 0 ? null : (
            <div class="topics">
              <p class="topics-label">Topics</p>
              <ul class="tag-list">
                {article.tags.map((tag) => (
                  <li>
                    <a href={tagPath(tag)} rel="tag">
                      {tag.name}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <AuthorBoxes authors={article.authors} />
        </article>
        <CommentsSection {...props.comments} />
        <div class="rails">
          <Rail
            id="rail-latest"
            title={`[${sectionLabel}] Latest Stories`}
            stories={props.latest}
            language={language}
            emptyText={`No other ${article.section.name} stories yet.`}
          />
          <Rail
            id="rail-weekly-best"
            title="Weekly Best Articles"
            stories={props.weeklyBest}
            language={language}
            emptyText="No story has been read this week yet."
          />
          <Rail
            id="rail-related"
            title="You May Also Like"
            stories={props.related}
            language={language}
            numbered
            emptyText="Nothing related yet."
          />
          <Rail
            id="rail-popular"
            title="Popular Now"
            stories={props.popularNow}
            language={language}
            numbered
            emptyText="No story has been read in the last day."
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
        <ShareLinks url={url} title={article.headline} utm={frame.shareUtm} />
      </div>
    </Layout>
  )
}

/** The 16:9 crop for link previews (what social cards show, at 1200 px where the photo allows). */
function ogImage(props: ArticlePageProps): MetaImage | undefined {
  const photo = props.article.leadPhoto
  if (photo === null) return undefined
  const crop = photoCrops(photo).find((c) => c.ratio === '16x9')
  if (crop === undefined) return undefined
  return {
    url: absoluteUrl(props.frame.site, crop.url),
    width: crop.width,
    height: crop.height,
    alt: photo.alt,
  }
}
