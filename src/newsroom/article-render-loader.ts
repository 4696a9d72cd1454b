/**
 * The article renderer, loaded on first use: markdown-it and sanitize-html are about 2 MiB of
 * a server's memory, and reading pages never needs them (bodies are rendered on save).
 */

type ArticleRender = typeof import('./article-render.js')

let loading: Promise<ArticleRender> | undefined

/** Resolves the article renderer module, importing it the first time only. */
export function loadArticleRender(): Promise<ArticleRender> {
  loading ??= import('./article-render.js')
  return loading
}
