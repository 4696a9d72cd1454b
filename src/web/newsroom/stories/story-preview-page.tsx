/** The preview: the saved story drawn by the reader site's own components, inside the newsroom. */

import type { Article } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'
import { ArticleBody } from '../../site/components/article-body.js'
import { Byline } from '../../site/components/byline.js'
import { LeadFigure } from '../../site/components/lead-figure.js'
import { STATUS_LABELS } from './story-labels.js'

/** The preview's `<main>` content. */
export function StoryPreviewPage({
  article,
  language,
}: {
  article: Article
  language: string
}): SafeHtml {
  return (
    <>
      <h1 class="visually-hidden">Preview of “{article.headline}”</h1>
      <p class="nr-notice" role="status">
        Preview ({STATUS_LABELS[article.status]}): this is how readers will see the story.{' '}
        <a href={`/newsroom/stories/${article.id}`}>Back to the editor</a>
      </p>
      <PreviewArticle article={article} language={language} headline="h2" />
    </>
  )
}

/**
 * The story drawn by the reader site's own components (byline, lead figure, body); `headline` is
 * h2 inside the newsroom page (its h1 says "Preview of …") and h1 in the live preview's document.
 */
export function PreviewArticle({
  article,
  language,
  headline,
}: {
  article: Article
  language: string
  headline: 'h1' | 'h2'
}): SafeHtml {
  return (
    <div class="article-layout nr-preview">
      <article class="story">
        <header class="story-header">
          <p class="section-label">{article.section.name}</p>
          {headline === 'h1' ? (
            <h1 class="story-headline">{article.headline}</h1>
          ) : (
            <h2 class="story-headline">{article.headline}</h2>
          )}
          {article.dek === '' ? null : <p class="story-dek">{article.dek}</p>}
          <Byline
            authors={article.authors}
            publishedAt={article.publishedAt}
            updatedAt={article.updatedAt}
            views={0}
            language={language}
          />
        </header>
        {article.leadPhoto === null ? null : <LeadFigure photo={article.leadPhoto} />}
        <ArticleBody html={article.bodyHtml} />
      </article>
    </div>
  )
}
