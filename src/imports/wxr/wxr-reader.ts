/**
 * `masthead import wxr`: reads a WordPress export (WXR 1.1 or 1.2) as a stream, twice: first its
 * attachments (so that posts, which usually come before the images uploaded to them, find their
 * photos), then everything else. Never more than one item is held in memory.
 */

import fs from 'node:fs'
import path from 'node:path'
import type { ImportRecord, ImportSource } from '../types.js'
import { type CollectedElement, createXmlElementReader } from './xml-elements.js'
import { itemRecord, readChannelEntry, type WxrChannel } from './wxr-items.js'

const ITEM = 'rss/channel/item'
const COLLECT = new Set([ITEM, 'rss/channel/wp:author', 'rss/channel/wp:category'])
const FIELDS = new Set(['rss/channel/link', 'rss/channel/wp:base_site_url'])
const HEAD_BYTES = 256 * 1024

/** An opened WXR file: its source name, its records, and how far reading has got. */
export interface OpenedWxr {
  source: ImportSource
  records: AsyncIterable<ImportRecord>
  bytesRead(): number
  /** Both passes: twice the file's size. */
  totalBytes: number
}

/**
 * Opens the WXR file at `file`.
 * @example const { source, records } = await openWxr('export.xml'); await imports.run(source, records)
 */
export async function openWxr(file: string): Promise<OpenedWxr> {
  const size = (await fs.promises.stat(file)).size
  const baseUrl = (await siteAddress(file)) ?? `file:${path.basename(file)}`
  const channel: WxrChannel = { baseUrl, authors: new Map(), categories: new Map() }
  let read = 0
  async function* records(): AsyncIterable<ImportRecord> {
    for (const pass of ['attachments', 'posts'] as const) {
      yield* readPass(file, pass, channel, (bytes) => (read += bytes))
    }
  }
  return {
    source: { name: `wordpress ${baseUrl}` },
    records: records(),
    bytesRead: () => read,
    totalBytes: size * 2,
  }
}

async function* readPass(
  file: string,
  pass: 'attachments' | 'posts',
  channel: WxrChannel,
  onBytes: (bytes: number) => void,
): AsyncIterable<ImportRecord> {
  const reader = createXmlElementReader(COLLECT)
  // Bytes that are no UTF-8 become U+FFFD; the item holding one is reported (wxr-items.ts).
  const decoder = new TextDecoder('utf-8', { fatal: false })
  const emitted = { sections: new Set<string>(), authors: new Set<string>() }
  const handle = function* (elements: CollectedElement[]): Iterable<ImportRecord> {
    for (const element of elements) {
      if (element.path !== ITEM) {
        readChannelEntry(channel, element)
        continue
      }
      const record = itemRecord(element, channel, pass)
      if (record === undefined) continue
      if (record.kind === 'story') yield* introductions(record, channel, emitted)
      yield record
    }
  }
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 256 * 1024 })) {
    const bytes = chunk as Buffer
    onBytes(bytes.length)
    yield* handle(reader.write(decoder.decode(bytes, { stream: true })))
  }
  yield* handle(reader.write(decoder.decode()))
  yield* handle(reader.end())
}

/** The section and byline records a story needs, the first time a story needs them. */
function* introductions(
  story: Extract<ImportRecord, { kind: 'story' }>,
  channel: WxrChannel,
  emitted: { sections: Set<string>; authors: Set<string> },
): Iterable<ImportRecord> {
  const slug = story.section
  if (slug !== undefined && !emitted.sections.has(slug)) {
    emitted.sections.add(slug)
    const category = channel.categories.get(slug)
    yield {
      kind: 'section',
      place: story.place,
      sourceId: slug,
      slug,
      name: category?.name ?? slug,
      ...(category?.description ? { description: category.description } : {}),
    }
  }
  for (const login of story.authors ?? []) {
    if (emitted.authors.has(login)) continue
    emitted.authors.add(login)
    const author = channel.authors.get(login)
    yield {
      kind: 'author',
      place: story.place,
      sourceId: login,
      name: author?.name ?? login,
      ...(author?.email ? { email: author.email } : {}),
    }
  }
}

/** The site's address from the channel's head (<wp:base_site_url>, else <link>), read once. */
async function siteAddress(file: string): Promise<string | undefined> {
  const reader = createXmlElementReader(new Set(), FIELDS)
  const stream = fs.createReadStream(file, { start: 0, end: HEAD_BYTES - 1 })
  const decoder = new TextDecoder('utf-8', { fatal: false })
  for await (const chunk of stream) {
    reader.write(decoder.decode(chunk as Buffer, { stream: true }))
    if (reader.fields.has('rss/channel/wp:base_site_url')) break
  }
  stream.destroy()
  const address =
    reader.fields.get('rss/channel/wp:base_site_url') || reader.fields.get('rss/channel/link')
  return address?.replace(/\/+$/, '') || undefined
}
