import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { datelineDate, parseDateline } from '../../../src/imports/wire/dateline.js'
import { readWireFile } from '../../../src/imports/wire/read-wire-file.js'
import { MAX_STORY_BYTES, wireStories } from '../../../src/imports/wire/wire-stories.js'
import type { ImportRecord, ImportedStory } from '../../../src/imports/types.js'
import { WIRE_FILE } from './wire-fixture.js'

async function* chunks(text: string | Buffer, size = 13): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

const NOW = new Date('2026-06-01T09:00:00Z')

async function read(text: string | Buffer): Promise<ImportRecord[]> {
  const records: ImportRecord[] = []
  for await (const record of readWireFile(chunks(text), { file: 'wire.txt', now: NOW }))
    records.push(record)
  return records
}
const stories = (records: ImportRecord[]) =>
  records.filter((r): r is ImportedStory => r.kind === 'story')

describe('parseDateline', () => {
  test('reads place, date and agency in the usual styles', () => {
    const lisbon = parseDateline('LISBON, March 3 (Agency Name) — Text.')
    assert.ok(typeof lisbon === 'object')
    assert.deepEqual(
      [lisbon.place, lisbon.agency, lisbon.date, lisbon.rest],
      ['LISBON', 'Agency Name', { month: 3, day: 3 }, 'Text.'],
    )
    const berlin = parseDateline('BERLIN (AP) — Text.')
    assert.ok(typeof berlin === 'object')
    assert.deepEqual(
      [berlin.place, berlin.agency, berlin.date, berlin.text],
      ['BERLIN', 'AP', undefined, 'BERLIN (AP)'],
    )
    const dc = parseDateline('WASHINGTON, D.C., Sept. 12, 2025 (Capitol News) - Text.')
    assert.ok(typeof dc === 'object')
    assert.deepEqual([dc.place, dc.date], ['WASHINGTON, D.C.', { month: 9, day: 12, year: 2025 }])
    assert.ok(typeof parseDateline('SÃO PAULO, Jan 5 (Agência Sul) -- Text.') === 'object')
  })

  test('no dateline is undefined; an impossible date is a reason', () => {
    assert.equal(parseDateline('The council met (again) — on Monday.'), undefined)
    assert.match(parseDateline('GENEVA, Feb. 30 (X) — a') as string, /does not exist/)
    assert.match(parseDateline('GENEVA, Smarch 3 (X) — a') as string, /names no month/)
  })

  test('a date without a year is the latest such day not after now, at noon UTC', () => {
    assert.equal(datelineDate({ month: 3, day: 3 }, NOW).toISOString(), '2026-03-03T12:00:00.000Z')
    assert.equal(
      datelineDate({ month: 12, day: 24 }, NOW).toISOString(),
      '2025-12-24T12:00:00.000Z',
    )
    assert.equal(datelineDate({ month: 2, day: 29 }, NOW).toISOString(), '2024-02-29T12:00:00.000Z')
  })
})

describe('readWireFile', () => {
  test('reads headline, byline, dateline, paragraphs and the agency credit', async () => {
    const records = await read(WIRE_FILE)
    const [strike, wind] = stories(records)
    assert.equal(strike?.sourceId, 'slug:port-strike-lisbon')
    assert.equal(strike?.slug, 'port-strike-lisbon')
    assert.equal(strike?.headline, 'Dockworkers end three-day strike at Lisbon port')
    assert.deepEqual(strike?.authors, ['author:rita-alves', 'author:tom-berg'])
    assert.deepEqual(strike?.credits, ['Credit: Harbour Wire Service'])
    assert.equal(strike?.publishedAt?.toISOString(), '2026-03-03T12:00:00.000Z')
    assert.equal(
      strike?.body.text,
      'LISBON, March 3 (Harbour Wire Service) — Dockworkers at the port of Lisbon returned to work on Tuesday after a three-day strike over shift patterns, the union said.\n\n' +
        'Cargo ships that had waited offshore began unloading by midday.\n\n' +
        '\\\\* Talks on pay resume next week.'.replace('\\\\', '\\'),
    )
    // No By line: the agency is the byline; no slug line: a hash of headline and dateline.
    assert.deepEqual(wind?.authors, ['author:ap'])
    assert.match(wind?.sourceId ?? '', /^sha256:[0-9a-f]{32}$/)
    assert.equal(wind?.publishedAt, undefined)
    assert.deepEqual(
      records.filter((r) => r.kind === 'author').map((r) => r.kind === 'author' && r.name),
      ['Rita Alves', 'Tom Berg', 'AP'],
    )
  })

  test('a story without a dateline imports without credit; a bad date is reported with its line', async () => {
    const records = await read(WIRE_FILE)
    const museum = stories(records).find((s) => s.headline === 'Museum reopens its east wing')
    assert.deepEqual([museum?.credits, museum?.authors], [[], []])
    assert.deepEqual(
      records.flatMap((r) => (r.kind === 'malformed' ? [[r.place, r.reason]] : [])),
      [['wire.txt:18', 'bad date in the dateline: Feb. 30 does not exist']],
    )
    assert.equal(stories(records).length, 3)
  })

  test('the same story gives the same id on every read', async () => {
    const ids = async () => stories(await read(WIRE_FILE)).map((s) => s.sourceId)
    assert.deepEqual(await ids(), await ids())
  })

  test('invalid UTF-8 spoils only its story', async () => {
    const bytes = Buffer.concat([
      Buffer.from('Bad bytes here\nOSLO (N) — caf'),
      Buffer.from([0xe9]),
      Buffer.from('.\n----\n' + WIRE_FILE),
    ])
    const records = await read(bytes)
    assert.deepEqual(
      records.flatMap((r) => (r.kind === 'malformed' ? [[r.place, r.reason]] : []))[0],
      ['wire.txt:1', 'invalid UTF-8 in the story'],
    )
    assert.equal(stories(records).length, 3)
  })

  test('a story past the size limit is reported, not held', async () => {
    const huge = `Endless\n${'word '.repeat(MAX_STORY_BYTES / 4)}\n----\n${WIRE_FILE}`
    let largest = 0
    for await (const chunk of wireStories(chunks(huge, 65536)))
      largest = Math.max(
        largest,
        chunk.lines.reduce((n, l) => n + l.text.length, 0),
      )
    assert.ok(largest <= MAX_STORY_BYTES)
    const records = await read(huge)
    assert.match(records[0]?.kind === 'malformed' ? records[0].reason : '', /longer than 2 MiB/)
  })
})
