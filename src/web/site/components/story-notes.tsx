/** A story's public corrections and updates, shown above its body: "Correction, 3 March 2026: …". */

import type { ArticleNote, ArticleNoteKind } from '../../../newsroom/index.js'
import { formatDate } from '../../render/format.js'
import type { SafeHtml } from '../../render/html.js'

const KIND_NAMES: Readonly<Record<ArticleNoteKind, string>> = {
  correction: 'Correction',
  update: 'Update',
}

/** The word a note starts with. */
export function noteKindName(kind: ArticleNoteKind): string {
  return KIND_NAMES[kind]
}

/** One note's lead-in and text, as a paragraph. */
export function NoteText(props: { note: ArticleNote; language: string }): SafeHtml {
  const { note } = props
  return (
    <p>
      <strong>
        {noteKindName(note.kind)},{' '}
        <time datetime={note.createdAt.toISOString()}>
          {formatDate(note.createdAt, props.language)}
        </time>
        :
      </strong>{' '}
      {note.text}
    </p>
  )
}

/** The notes block; nothing when the story has none. */
export function StoryNotes(props: { notes: readonly ArticleNote[]; language: string }): SafeHtml {
  if (props.notes.length === 0) return <></>
  return (
    <section class="story-notes" aria-label="Corrections and updates">
      <ul>
        {props.notes.map((note) => (
          <li class={`story-note story-note-${note.kind}`} id={`note-${note.id}`}>
            <NoteText note={note} language={props.language} />
          </li>
        ))}
      </ul>
    </section>
  )
}
