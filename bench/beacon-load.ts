/**
 * A child process of the bench: POSTs view beacons with autocannon (50 connections, loopback only)
 * from a stream of distinct readers over several stories, plus a few returning readers, and
 * prints autocannon's summary as JSON. Usage: node --import tsx bench/beacon-load.ts <json args>
 */

import autocannon from 'autocannon'

interface Args {
  origin: string
  slugs: string[]
  /** The view token of each story's page, in the order of `slugs`. */
  tokens: string[]
  connections: number
  durationSeconds: number
}

const args = JSON.parse(process.argv[2] ?? '{}') as Args
if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(args.origin)) throw new Error('loopback only')

const AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0'
const request = (slug: string, token: string, agent: string): autocannon.Request => ({
  method: 'POST',
  path: '/api/v1/views',
  // What navigator.sendBeacon(url, string) sends.
  headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': agent },
  body: JSON.stringify({ slug, token }),
})

// Every request with [<id>] comes from a new reader (autocannon puts a fresh id there); one in
// eleven is a returning reader whose view is a repeat.
const requests = args.slugs.flatMap((slug, i) => {
  const token = args.tokens[i] ?? ''
  return [
    ...Array.from({ length: 10 }, () => request(slug, token, `${AGENT} reader/[<id>]`)),
    request(slug, token, `${AGENT} regular/${i}`),
  ]
})

const result = await autocannon({
  url: args.origin,
  connections: args.connections,
  duration: args.durationSeconds,
  requests,
  idReplacement: true,
})
process.stdout.write(JSON.stringify(result))
