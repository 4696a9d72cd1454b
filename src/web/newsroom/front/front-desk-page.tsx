/** The front page screen: top stories in order, the Must-Read slots, the banner and the change log. */

import type { ArticleSummary, FrontBoard, PickedStoryRow } from '../../../newsroom/index.js'
import { BANNER_TEXT_MAX } from '../../../newsroom/index.js'
import type { SafeHtml } from '../../render/html.js'
import { Field } from '../components/field.js'
import { FormError, Notice } from '../components/form-messages.js'
import { formatWhen, STATUS_LABELS } from '../stories/story-labels.js'

/** What was typed in the banner form, kept when it is refused. */
export interface BannerValues {
  text: string
  link: string
  expiresAt: string
}

export interface FrontDeskProps {
  board: FrontBoard
  /** Published stories an editor may add (newest first). */
  candidates: ArticleSummary[]
  notice: string | undefined
  /** Why the last change was refused. */
  problem: string | undefined
  banner: BannerValues
  csrfField: SafeHtml
}

/** The screen's address, with a notice and the part to return to. */
export function frontHref(done?: string, anchor?: string): string {
  return `/newsroom/front${done === undefined ? '' : `?done=${done}`}${anchor === undefined ? '' : `#${anchor}`}`
}

/** `YYYY-MM-DDTHH:MM` in UTC, for a datetime-local field. */
function utcField(at: Date | null): string {
  return at === null ? '' : at.toISOString().slice(0, 16)
}

/** The front page screen's `<main>` content. */
export function FrontDeskPage(props: FrontDeskProps): SafeHtml {
  return (
    <>
      <h1>Front page</h1>
      <Notice message={props.notice} />
      <FormError title="That change was not made" message={props.problem} />
      <TopStories {...props} />
      <MustReads {...props} />
      <Banner {...props} />
      <Changes board={props.board} />
    </>
  )
}

/** One story's name as the lists show it: headline, section, and status when not live. */
function StoryName(props: { story: PickedStoryRow }): SafeHtml {
  const { story } = props
  return (
    <>
      <span class="nr-front-headline">{story.headline}</span>{' '}
      <span class="nr-front-meta">
        ({story.sectionName}
        {story.status === 'published' ? '' : `, ${STATUS_LABELS[story.status]}: not on the site`})
      </span>
    </>
  )
}

function TopStories(props: FrontDeskProps): SafeHtml {
  const { topStories, shown, max } = props.board
  const listed = new Set(topStories.map((s) => s.articleId))
  const addable = props.candidates.filter((c) => !listed.has(c.id))
  return (
    <section class="nr-front-part" aria-labelledby="top-stories-title" id="top-stories">
      <h2 id="top-stories-title">Top stories</h2>
      <p class="field-hint" id="top-stories-hint">
        The first {shown} lead the front page, in this order; when fewer are picked, the newest
        stories fill the rest. Use Move up and Move down, or drag a story with the mouse.
      </p>
      {topStories.length === 0 ? (
        <p>No top stories picked: the newest stories lead the front page.</p>
      ) : (
        <ol
          class="nr-front-order"
          aria-describedby="top-stories-hint"
          data-front-order="/newsroom/front/top/order"
        >
          {topStories.map((story, index) => (
            <li id={`top-${story.articleId}`} data-story-id={story.articleId}>
              <span class="nr-front-rank">{index + 1}.</span> <StoryName story={story} />
              {index < shown ? null : <span class="nr-front-meta"> (waiting)</span>}
              <span class="nr-front-actions">
                <form method="post" action={`/newsroom/front/top/${story.articleId}/move`}>
                  {props.csrfField}
                  <button type="submit" name="direction" value="up" disabled={index === 0}>
                    Move up<span class="visually-hidden">: {story.headline}</span>
                  </button>
                  <button
                    type="submit"
                    name="direction"
                    value="down"
                    disabled={index === topStories.length - 1}
                  >
                    Move down<span class="visually-hidden">: {story.headline}</span>
                  </button>
                </form>
                <form method="post" action={`/newsroom/front/top/${story.articleId}/remove`}>
                  {props.csrfField}
                  <button type="submit">
                    Remove<span class="visually-hidden">: {story.headline}</span>
                  </button>
                </form>
              </span>
            </li>
          ))}
        </ol>
      )}
      {topStories.length >= max ? (
        <p>The list is full ({max} stories): remove one to add another.</p>
      ) : (
        <form class="nr-front-inline" method="post" action="/newsroom/front/top">
          {props.csrfField}
          <Field id="top-add" label="Add a published story">
            <StoryOptions id="top-add" stories={addable} selected={undefined} />
          </Field>
          <button type="submit">Add to top stories</button>
        </form>
      )}
    </section>
  )
}

/** A select of stories: the current one first (when it is not among the candidates), then the rest. */
function StoryOptions(props: {
  id: string
  stories: readonly ArticleSummary[]
  selected: PickedStoryRow | undefined
  describedBy?: string
}): SafeHtml {
  const { selected } = props
  const others = props.stories.filter((s) => s.id !== selected?.articleId)
  return (
    <select id={props.id} name="articleId" required aria-describedby={props.describedBy}>
      {selected === undefined ? <option value="">Choose a story</option> : null}
      {selected === undefined ? null : (
        <option value={selected.articleId} selected>
          {selected.headline} — {selected.sectionName}
        </option>
      )}
      {others.map((story) => (
        <option value={story.id}>
          {story.headline} — {story.section.name}
        </option>
      ))}
    </select>
  )
}

function MustReads(props: FrontDeskProps): SafeHtml {
  return (
    <section class="nr-front-part" aria-labelledby="must-reads-title" id="must-reads">
      <h2 id="must-reads-title">Must-Reads</h2>
      <p class="field-hint">
        Five slots, shown in this order on every story page and the front page; an empty or expired
        slot is filled from Weekly Best. Times are UTC.
      </p>
      <ol class="nr-front-slots">
        {props.board.mustReads.map((pick, index) => {
          const slot = index + 1
          const id = `slot-${slot}`
          return (
            <li id={id}>
              <h3>Slot {slot}</h3>
              <p>
                {pick === null ? (
                  'Empty.'
                ) : (
                  <>
                    <StoryName story={pick} />
                    {pick.expiresAt === null ? '' : `, until ${formatWhen(pick.expiresAt)}`}
                  </>
                )}
              </p>
              <form method="post" action={`/newsroom/front/must-reads/${slot}`}>
                {props.csrfField}
                <Field id={`${id}-story`} label={`Story for slot ${slot}`}>
                  <StoryOptions
                    id={`${id}-story`}
                    stories={props.candidates}
                    selected={pick ?? undefined}
                  />
                </Field>
                <Field
                  id={`${id}-expires`}
                  label={`Slot ${slot} expires at (UTC, optional)`}
                  hint="Leave blank to keep the story until you change it."
                >
                  <input
                    id={`${id}-expires`}
                    name="expiresAt"
                    type="datetime-local"
                    value={utcField(pick?.expiresAt ?? null)}
                    aria-describedby={`${id}-expires-hint`}
                  />
                </Field>
                <button type="submit">Save slot {slot}</button>
              </form>
              {pick === null ? null : (
                <form method="post" action={`/newsroom/front/must-reads/${slot}/clear`}>
                  {props.csrfField}
                  <button type="submit">Empty slot {slot}</button>
                </form>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

function Banner(props: FrontDeskProps): SafeHtml {
  const up = props.board.banner
  const values = props.banner
  return (
    <section class="nr-front-part" aria-labelledby="banner-title" id="banner">
      <h2 id="banner-title">Breaking-news banner</h2>
      {up === undefined ? (
        <p>No banner is up.</p>
      ) : (
        <>
          <p class="nr-front-banner-now">
            Up now: “{up.text}”{up.link === null ? '' : ` → ${up.link}`}, until{' '}
            {formatWhen(up.expiresAt)}.
          </p>
          <form method="post" action="/newsroom/front/banner/take-down">
            {props.csrfField}
            <button type="submit">Take down banner</button>
          </form>
        </>
      )}
      <form class="nr-form" method="post" action="/newsroom/front/banner">
        {props.csrfField}
        <Field
          id="banner-text"
          label="Banner text"
          hint={`One line, at most ${BANNER_TEXT_MAX} characters.`}
        >
          <input
            id="banner-text"
            name="text"
            type="text"
            required
            maxlength={BANNER_TEXT_MAX}
            value={values.text}
            aria-describedby="banner-text-hint"
          />
        </Field>
        <Field
          id="banner-link"
          label="Banner link (optional)"
          hint="A path on this site, such as /world/some-story, or an https:// address."
        >
          <input
            id="banner-link"
            name="link"
            type="text"
            inputmode="url"
            value={values.link}
            aria-describedby="banner-link-hint"
          />
        </Field>
        <Field
          id="banner-expires"
          label="Banner expires at (UTC)"
          hint="The banner disappears from every page at this time; at most a week ahead."
        >
          <input
            id="banner-expires"
            name="expiresAt"
            type="datetime-local"
            required
            value={values.expiresAt}
            aria-describedby="banner-expires-hint"
          />
        </Field>
        <button type="submit">{up === undefined ? 'Put up banner' : 'Replace banner'}</button>
      </form>
    </section>
  )
}

function Changes(props: { board: FrontBoard }): SafeHtml {
  const { changes } = props.board
  return (
    <section class="nr-front-part" aria-labelledby="changes-title" id="changes">
      <h2 id="changes-title">Recent changes</h2>
      {changes.length === 0 ? (
        <p>No changes yet.</p>
      ) : (
        <table class="nr-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr>
                <td>
                  <time datetime={change.at.toISOString()}>{formatWhen(change.at)}</time>
                </td>
                <td>{change.userName}</td>
                <td>{change.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
