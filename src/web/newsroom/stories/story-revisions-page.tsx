/** The revisions page: every save with who and when, a diff between any two, restore as a new revision. */

import type { LineChange } from '../../../lib/text-diff.js'
import type { DeskStory, RevisionDiff, StoryRevision } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'
import { formatWhen } from './story-labels.js'

export interface RevisionsProps {
  story: DeskStory
  revisions: StoryRevision[]
  diff: RevisionDiff | undefined
  csrfField: SafeHtml
}

/** The revisions page's `<main>` content. */
export function StoryRevisionsPage(props: RevisionsProps): SafeHtml {
  const { story, revisions, diff } = props
  return (
    <>
      <h1>Revisions of “{story.headline}”</h1>
      <p>
        <a href={`/newsroom/stories/${story.id}`}>Back to the story</a>
      </p>
      {diff === undefined ? null : <DiffView diff={diff} />}
      <form method="get" action={`/newsroom/stories/${story.id}/revisions`} class="nr-compare">
        <table class="nr-table">
          <caption>Every save, newest first. Choose two to compare.</caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved by</th>
              <th scope="col">When</th>
              <th scope="col">Compare from</th>
              <th scope="col">Compare to</th>
              <th scope="col">Restore</th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr>
                <th scope="row">
                  {r.version}
                  {r.restoredFrom === null ? null : <> (restores {r.restoredFrom})</>}
                  {r.version === story.version ? <> (current)</> : null}
                </th>
                <td>{r.userName ?? 'a command'}</td>
                <td>{formatWhen(r.createdAt)}</td>
                <td>
                  <input
                    type="radio"
                    name="from"
                    value={String(r.version)}
                    checked={diff?.from.version === r.version}
                    aria-label={`Compare from version ${r.version}`}
                  />
                </td>
                <td>
                  <input
                    type="radio"
                    name="to"
                    value={String(r.version)}
                    checked={diff?.to.version === r.version}
                    aria-label={`Compare to version ${r.version}`}
                  />
                </td>
                <td>
                  {r.version === story.version || !story.actions.edit ? null : (
                    <button
                      type="submit"
                      class="link-button"
                      form={`restore-${r.version}`}
                      aria-label={`Restore version ${r.version}`}
                    >
                      Restore
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" class="button">
          Compare
        </button>
      </form>
      {revisions
        .filter((r) => r.version !== story.version && story.actions.edit)
        .map((r) => (
          <form
            id={`restore-${r.version}`}
            method="post"
            action={`/newsroom/stories/${story.id}/revisions/${r.version}/restore`}
            hidden
          >
            {props.csrfField}
            <input type="hidden" name="baseVersion" value={String(story.version)} />
          </form>
        ))}
    </>
  )
}

function DiffView({ diff }: { diff: RevisionDiff }): SafeHtml {
  return (
    <section aria-labelledby="diff-title" class="nr-diff">
      <h2 id="diff-title">
        Changes from version {diff.from.version} to version {diff.to.version}
      </h2>
      <p class="field-hint">
        <del>Removed text</del> is struck through; <ins>added text</ins> is underlined.
      </p>
      <DiffPart title="Headline" lines={diff.headline} />
      <DiffPart title="Dek" lines={diff.dek} />
      <DiffPart title="Body" lines={diff.body} />
    </section>
  )
}

function DiffPart({ title, lines }: { title: string; lines: LineChange[] }): SafeHtml {
  const unchanged = lines.every((line) => line.kind === 'same')
  return (
    <>
      <h3>{title}</h3>
      {unchanged ? (
        <p>No change.</p>
      ) : (
        <div class="nr-diff-lines">
          {lines.map((line) => {
            if (line.kind === 'changed')
              return (
                <p class="nr-diff-changed">
                  {line.parts.map((part) =>
                    part.kind === 'same' ? (
                      part.text
                    ) : part.kind === 'added' ? (
                      <ins>{part.text}</ins>
                    ) : (
                      <del>{part.text}</del>
                    ),
                  )}
                </p>
              )
            if (line.kind === 'added')
              return (
                <p class="nr-diff-added">
                  <ins>{line.text === '' ? '(empty line)' : line.text}</ins>
                </p>
              )
            if (line.kind === 'removed')
              return (
                <p class="nr-diff-removed">
                  <del>{line.text === '' ? '(empty line)' : line.text}</del>
                </p>
              )
            return <p class="nr-diff-same">{line.text === '' ? '\u00a0' : line.text}</p>
          })}
        </div>
      )}
    </>
  )
}
