/**
 * The editor's live preview: a whole document (the editor shows it in a sandboxed iframe) holding
 * the story as the reader site draws it, with the site's own stylesheet and no script.
 */

import type { Article } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'
import { PreviewArticle } from './story-preview-page.js'

export interface LivePreviewProps {
  /** The story with the typed words, or undefined when they cannot be drawn (see `problem`). */
  article: Article | undefined
  /** Why nothing is drawn (a photo that is not in the library, say): shown instead of the story. */
  problem?: string | undefined
  language: string
  stylesheet: string
}

/** The complete `<html>` element of the live preview. */
export function LivePreviewDocument(props: LivePreviewProps): SafeHtml {
  const { article } = props
  return (
    <html lang={props.language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`Live preview: ${article?.headline ?? 'not available'}`}</title>
        <link rel="stylesheet" href={props.stylesheet} />
      </head>
      <body class="live-preview">
        <main id="main">
          {article === undefined ? (
            <>
              <h1>The preview cannot be shown yet</h1>
              <p>{props.problem ?? 'Something in the text cannot be drawn.'}</p>
            </>
          ) : (
            <PreviewArticle article={article} language={props.language} headline="h1" />
          )}
        </main>
      </body>
    </html>
  )
}
