/** The desk's lists: banned words (editable), banned readers (with unban) and the audit log. */

import {
  type AuditEntry,
  BANNED_WORD_MAX_LENGTH,
  type BannedReader,
  type BannedWordLists,
} from '../../../comments/index.js'
import type { SafeHtml } from '../../render/html.js'
import { FormError, Notice } from '../components/form-messages.js'
import { formatWhen } from '../stories/story-labels.js'
import { ModerationNav } from './moderation-nav.js'
import { Pagination } from '../../site/components/pagination.js'

/** The first characters of a reader hash: enough to tell readers apart on the screen. */
export function shortHash(hash: string): string {
  return `${hash.slice(0, 12)}…`
}

export interface BannedWordsPageProps {
  lists: BannedWordLists
  /** User ids (as the list stores them) → names. */
  names: ReadonlyMap<string, string>
  /** What was typed, kept when it was refused. */
  typed: string
  error: string | undefined
  notice: string | undefined
  csrfField: SafeHtml
}

/** The banned-word list's `<main>` content. */
export function BannedWordsPage(props: BannedWordsPageProps): SafeHtml {
  const { listed, configured } = props.lists
  return (
    <>
      <h1>Comments: banned words</h1>
      <ModerationNav current="words" />
      <Notice message={props.notice} />
      <p>
        A comment holding one of these words or phrases waits for review. Words match whole, in any
        case and with or without accents (“scoundrel” catches “SCOUNDRÉL” but not “scoundrels”).
        Readers are told only that a word is checked, never which.
      </p>
      <form method="post" action="/newsroom/comments/words" class="nr-form nr-word-form">
        <FormError title="The word was not added" message={props.error} />
        {props.csrfField}
        <div class="field">
          <label for="banned-word">Word or phrase</label>
          <p class="field-hint" id="banned-word-hint">
            Up to {BANNED_WORD_MAX_LENGTH} characters. A phrase matches its words in that order.
          </p>
          <input
            id="banned-word"
            name="word"
            type="text"
            value={props.typed}
            required
            autocomplete="off"
            aria-describedby={
              props.error === undefined ? 'banned-word-hint' : 'banned-word-hint form-error-title'
            }
            aria-invalid={props.error === undefined ? undefined : 'true'}
          />
        </div>
        <button type="submit" class="button">
          Add word
        </button>
      </form>
      <h2>The moderators’ list</h2>
      {listed.length === 0 ? (
        <p>No words yet.</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden">Banned words, alphabetical</caption>
          <thead>
            <tr>
              <th scope="col">Word or phrase</th>
              <th scope="col">Added by</th>
              <th scope="col">Added</th>
              <th scope="col">
                <span class="visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((entry) => (
              <tr>
                <th scope="row">{entry.word}</th>
                <td>{props.names.get(entry.addedBy) ?? entry.addedBy}</td>
                <td>{formatWhen(entry.addedAt)}</td>
                <td>
                  <form method="post" action="/newsroom/comments/words/remove">
                    {props.csrfField}
                    <input type="hidden" name="word" value={entry.word} />
                    <button type="submit" class="button button-secondary">
                      Remove<span class="visually-hidden"> “{entry.word}”</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>From the configuration</h2>
      {configured.length === 0 ? (
        <p>None. (MASTHEAD_COMMENTS_BANNED_WORDS and its file are not set.)</p>
      ) : (
        <>
          <p>
            Applied as well; they change only in MASTHEAD_COMMENTS_BANNED_WORDS or its file, and a
            restart.
          </p>
          <ul class="nr-word-list">
            {configured.map((word) => (
              <li>{word}</li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}

export interface BannedReadersPageProps {
  bans: { items: BannedReader[]; total: number; page: number; totalPages: number }
  names: ReadonlyMap<string, string>
  notice: string | undefined
  csrfField: SafeHtml
}

/** The banned readers' `<main>` content. */
export function BannedReadersPage(props: BannedReadersPageProps): SafeHtml {
  const { bans } = props
  return (
    <>
      <h1>Comments: banned readers</h1>
      <ModerationNav current="banned" />
      <Notice message={props.notice} />
      <p>
        A banned reader’s new comments go straight to spam, while they are told their comment waits
        for review. Readers are known by a pseudonymous code of their browser and address, never by
        the address itself.
      </p>
      <p>
        {bans.total === 0
          ? 'Nobody is banned.'
          : `${bans.total.toLocaleString('en')} banned ${bans.total === 1 ? 'reader' : 'readers'}, newest ban first.`}
      </p>
      {bans.items.length === 0 ? null : (
        // Six columns do not fit a phone: the table scrolls inside a region the keyboard can
        // reach (a scrollable area must be focusable), never the page.
        <section class="nr-table-scroll" aria-label="Banned readers" tabindex="0">
          <table class="nr-table">
            <caption class="visually-hidden">Banned readers, newest ban first</caption>
            <thead>
              <tr>
                <th scope="col">Reader</th>
                <th scope="col">Last name used</th>
                <th scope="col">Reason</th>
                <th scope="col">Banned by</th>
                <th scope="col">Banned</th>
                <th scope="col">
                  <span class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bans.items.map((ban) => (
                <tr>
                  <th scope="row">
                    <code>{shortHash(ban.readerHash)}</code>
                  </th>
                  <td>{ban.lastName ?? '—'}</td>
                  <td>{ban.reason === '' ? '—' : ban.reason}</td>
                  <td>{props.names.get(ban.bannedBy) ?? ban.bannedBy}</td>
                  <td>{formatWhen(ban.bannedAt)}</td>
                  <td>
                    <form method="post" action="/newsroom/comments/banned/unban">
                      {props.csrfField}
                      <input type="hidden" name="reader" value={ban.readerHash} />
                      <button type="submit" class="button button-secondary">
                        Unban
                        <span class="visually-hidden"> reader {shortHash(ban.readerHash)}</span>
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <Pagination
        basePath="/newsroom/comments/banned"
        page={bans.page}
        totalPages={bans.totalPages}
        href={(n) => `/newsroom/comments/banned?page=${n}`}
      />
    </>
  )
}

/** How each audit action reads. */
const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  approved: 'Approved',
  rejected: 'Rejected',
  spam: 'Marked as spam',
  banned: 'Banned the author',
  unbanned: 'Unbanned a reader',
  hidden: 'Hidden by readers’ reports',
  'word:added': 'Added a banned word',
  'word:removed': 'Removed a banned word',
}

/** An audit action in words ("mode:closed" → "Comment mode: closed"). */
export function auditActionLabel(action: string): string {
  if (action.startsWith('mode:')) return `Comment mode: ${action.slice('mode:'.length)}`
  return AUDIT_ACTIONS[action] ?? action
}

export interface AuditLogPageProps {
  entries: AuditEntry[]
  /** User ids (as the log stores them) → names. */
  names: ReadonlyMap<string, string>
  /** The id to ask for older entries with, when there are more. */
  olderThan: number | undefined
  /** True on a later page (a link back to the newest). */
  older: boolean
}

/** The audit log's `<main>` content. */
export function AuditLogPage(props: AuditLogPageProps): SafeHtml {
  return (
    <>
      <h1>Comments: audit log</h1>
      <ModerationNav current="log" />
      <p>Every moderation action, newest first, with who did it: a person, the CLI or reports.</p>
      {props.entries.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden">Moderation actions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Comment or reader</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((entry) => (
              <tr>
                <td>
                  <time datetime={entry.at.toISOString()}>{formatWhen(entry.at)}</time>
                </td>
                <td>{props.names.get(entry.actor) ?? entry.actor}</td>
                <td>{auditActionLabel(entry.action)}</td>
                <td>
                  {entry.commentId === null ? null : <>Comment {entry.commentId}</>}
                  {entry.commentId === null || entry.readerHash === null ? null : ', '}
                  {entry.readerHash === null ? null : (
                    <>
                      reader <code>{shortHash(entry.readerHash)}</code>
                    </>
                  )}
                </td>
                <td>{entry.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.olderThan === undefined && !props.older ? null : (
        <nav class="pagination" aria-label="Pagination">
          <ul>
            {props.older ? (
              <li>
                <a href="/newsroom/comments/log">Newest entries</a>
              </li>
            ) : null}
            {props.olderThan === undefined ? null : (
              <li>
                <a href={`/newsroom/comments/log?before=${props.olderThan}`} rel="next">
                  Older entries
                </a>
              </li>
            )}
          </ul>
        </nav>
      )}
    </>
  )
}
