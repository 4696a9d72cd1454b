/**
 * The soak's mixed load: readers opening the front page, section pages and stories (each story
 * visit a new reader whose browser then sends the view beacon with the page's token), readers of
 * CDN-cached copies whose only request is the beacon, and commenters posting through the JSON API
 * and the story page's form, at fixed rates through the balancer.
 */

import type { Balancer, SoakResponse } from './soak-balancer.js'
import type { SectionPath, StoryPath } from './soak-database.js'
import type { CommentLedger, ViewLedger } from './soak-ledger.js'

export interface LoadOptions {
  balancer: Balancer
  views: ViewLedger
  comments: CommentLedger
  stories: readonly StoryPath[]
  sections: readonly SectionPath[]
  /** The site's public URL: the Origin a browser sends with its POSTs. */
  siteUrl: string
  /** Reader actions (page reads and beacon visits) started per second. */
  rate: number
  /** Comments posted per second (half through the API, half through the form). */
  commentRate: number
  /** Distinct commenters taking turns (each has its own address and browser). */
  commenters: number
  /** Put in every comment body, followed by the comment's number, to find it in the database. */
  marker: string
}

/** What each reader action is, in thousandths of the actions started. */
const MIX: readonly [Action, number][] = [
  ['front', 150],
  ['section', 150],
  ['story', 400],
  ['cdn-visit', 300],
]
type Action = 'front' | 'section' | 'story' | 'cdn-visit'

/** Browsers readers use (none of them a bot to the view counter). */
const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
]
/** What a CDN's fetch of a page says it is: a bot, so filling the CDN counts no view. */
const CDN_AGENT = 'Mozilla/5.0 (compatible; soak-cdn-fill-bot/1.0)'
/** A CDN keeps a page this long (the site's own page cache keeps 60 s). */
const CDN_KEEP_MS = 50_000
/** The form's minimum time between being served and being sent is 3 s by default. */
const FORM_WAIT_MS = 3_200
/** Actions in flight beyond this are skipped and counted: the generator is not keeping up. */
const MAX_IN_FLIGHT = 400

const VIEW_TOKEN = /data-view-token="([^"]+)"/
const FORM_STAMP = /name="stamp" value="([^"]+)"/

/** A simulated person: a forwarded address of their own (the balancer's X-Forwarded-For) and a browser. */
interface Person {
  key: string
  headers: Record<string, string>
}

/** Reader `n` (1 to 16 million): 10.x.y.z. */
function reader(n: number): Person {
  const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`
  return { key: `r${n}`, headers: browserHeaders(address, BROWSERS[n % BROWSERS.length] ?? '') }
}

/** Commenter `n` (0 to 65535): 172.16.x.y. */
function commenter(n: number): Person {
  const address = `172.16.${(n >> 8) & 255}.${n & 255}`
  return { key: `c${n}`, headers: browserHeaders(address, BROWSERS[n % BROWSERS.length] ?? '') }
}

function browserHeaders(address: string, agent: string): Record<string, string> {
  return {
    'user-agent': agent,
    'x-forwarded-for': address,
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-encoding': 'gzip, br',
    'accept-language': 'en-GB,en;q=0.8',
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Creates the load; nothing is sent until start(). */
export function createLoad(options: LoadOptions) {
  const { balancer, views, comments, stories, sections, siteUrl } = options
  const cdn = new Map<string, { token: string; at: number }>()
  const inFlight = new Set<Promise<void>>()
  const counts = { actions: 0, skipped: 0, missingTokens: 0, commentsSent: 0 }
  /** Exceptions in the generator itself (a bug here, not in the server), a few kept. */
  const generatorErrors: string[] = []
  let readers = 0
  let nextCommenter = 0
  let started = 0
  let launchedActions = 0
  let launchedComments = 0
  let timer: NodeJS.Timeout | undefined

  /** A story, the newest ones the likeliest (a few stories take most readers, as on a news site). */
  const someStory = (): StoryPath => {
    const index = Math.floor(stories.length * Math.random() ** 2)
    const story = stories[index] ?? stories[0]
    if (story === undefined) throw new Error('no stories to read')
    return story
  }
  const storyPath = (story: StoryPath): string => `/${story.section}/${story.slug}`

  const beacon = async (person: Person, slug: string, token: string): Promise<void> => {
    const response = await balancer.send('beacon', {
      method: 'POST',
      path: '/api/v1/views',
      headers: {
        ...person.headers,
        accept: '*/*',
        origin: siteUrl,
        'content-type': 'text/plain;charset=UTF-8',
      },
      body: JSON.stringify({ slug, token }),
    })
    if (response?.status === 204) views.ack(person.key, slug, response.instance, 'beacon')
  }

  /** A story page read by `person` (a view when it answers 200); the page's HTML. */
  const readStory = async (
    person: Person,
    story: StoryPath,
    kind: 'story' | 'comment-page',
  ): Promise<SoakResponse | undefined> => {
    const response = await balancer.send(kind, {
      method: 'GET',
      path: storyPath(story),
      headers: person.headers,
      wantBody: true,
    })
    if (response?.status === 200) views.ack(person.key, story.slug, response.instance, 'page')
    return response
  }

  const actions: Record<Action, () => Promise<void>> = {
    front: async () => {
      await balancer.send('front', {
        method: 'GET',
        path: '/',
        headers: reader(1 + Math.floor(Math.random() * Math.max(1, readers))).headers,
      })
    },
    section: async () => {
      const section = sections[Math.floor(Math.random() * sections.length)]
      if (section === undefined) return
      // Most readers stay on the first page; some go a few pages deep (never past the last).
      const deeper = Math.random() < 0.2 ? Math.floor(Math.random() * 4) : 0
      const page = Math.min(section.pages, 1 + deeper)
      await balancer.send('section', {
        method: 'GET',
        path: page === 1 ? `/${section.slug}` : `/${section.slug}?page=${page}`,
        headers: reader(1 + Math.floor(Math.random() * Math.max(1, readers))).headers,
      })
    },
    // A reader opens a story the site serves itself; their browser sends the beacon at once.
    story: async () => {
      const person = reader(++readers)
      const story = someStory()
      const page = await readStory(person, story, 'story')
      if (page?.status !== 200) return
      const token = VIEW_TOKEN.exec(page.body)?.[1]
      if (token === undefined) {
        counts.missingTokens += 1
        return
      }
      await beacon(person, story.slug, token)
    },
    // A reader gets the story from a CDN's copy: the site sees only the beacon.
    'cdn-visit': async () => {
      const person = reader(++readers)
      const story = someStory()
      let copy = cdn.get(story.slug)
      if (copy === undefined || Date.now() - copy.at > CDN_KEEP_MS) {
        const page = await balancer.send('cdn-fill', {
          method: 'GET',
          path: storyPath(story),
          headers: { 'user-agent': CDN_AGENT, 'accept-encoding': 'gzip, br' },
          wantBody: true,
        })
        const token = page?.status === 200 ? VIEW_TOKEN.exec(page.body)?.[1] : undefined
        if (token === undefined) {
          if (page?.status === 200) counts.missingTokens += 1
          return
        }
        copy = { token, at: Date.now() }
        cdn.set(story.slug, copy)
      }
      await beacon(person, story.slug, copy.token)
    },
  }

  /** One comment by the next commenter in turn, through the API or (every other one) the form. */
  const postComment = async (number: number): Promise<void> => {
    const person = commenter(nextCommenter)
    nextCommenter = (nextCommenter + 1) % options.commenters
    const story = someStory()
    const marker = `${options.marker}${number}`
    const name = `Soak reader ${person.key}`
    const body = `${marker} A calm and civil remark on this story, from a reader who read it twice.`
    counts.commentsSent += 1
    if (number % 2 === 0) {
      const response = await balancer.send('comment-api', {
        method: 'POST',
        path: `/api/v1/articles/${story.slug}/comments`,
        headers: {
          ...person.headers,
          accept: 'application/json',
          origin: siteUrl,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ name, body }),
        wantBody: true,
      })
      if (response?.status === 201) {
        const id = (JSON.parse(response.body) as { comment?: { id?: number } }).comment?.id
        comments.ack(marker, 'api', id)
      } else {
        comments.lost(marker)
      }
      return
    }
    // The form: the commenter opens the story, types for a few seconds, sends the form.
    const page = await readStory(person, story, 'comment-page')
    const stamp = page?.status === 200 ? FORM_STAMP.exec(page.body)?.[1] : undefined
    if (stamp === undefined) {
      comments.lost(marker)
      return
    }
    await sleep(FORM_WAIT_MS)
    const form = new URLSearchParams({ name, email: '', body, stamp, website: '' })
    const response = await balancer.send('comment-form', {
      method: 'POST',
      path: `${storyPath(story)}/comments`,
      headers: {
        ...person.headers,
        origin: siteUrl,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form.toString(),
    })
    if (response?.status === 303) {
      const id = /#comment-(\d+)$/.exec(String(response.headers.location ?? ''))?.[1]
      comments.ack(marker, 'form', id === undefined ? undefined : Number(id))
    } else {
      comments.lost(marker)
    }
  }

  const track = (work: Promise<void>): void => {
    const done = work
      .catch((error: unknown) => {
        if (generatorErrors.length < 10) generatorErrors.push(String(error))
      })
      .finally(() => inFlight.delete(done))
    inFlight.add(done)
  }

  const pickAction = (): Action => {
    let roll = Math.random() * 1000
    for (const [action, weight] of MIX) {
      roll -= weight
      if (roll < 0) return action
    }
    return 'front'
  }

  const tick = (): void => {
    const elapsed = (performance.now() - started) / 1000
    for (; launchedActions < Math.floor(elapsed * options.rate); launchedActions++) {
      if (inFlight.size >= MAX_IN_FLIGHT) {
        counts.skipped += 1
        continue
      }
      counts.actions += 1
      track(actions[pickAction()]())
    }
    for (; launchedComments < Math.floor(elapsed * options.commentRate); launchedComments++)
      track(postComment(launchedComments))
  }

  return {
    counts,
    generatorErrors,
    /** Distinct readers so far (each story or CDN visit is a new one). */
    readers: () => readers,
    /** Starts sending. */
    start(): void {
      started = performance.now()
      timer = setInterval(tick, 10)
    },
    /** Stops starting new actions and waits for those in flight. */
    async stop(): Promise<void> {
      clearInterval(timer)
      await Promise.all(inFlight)
    },
  }
}
export type Load = ReturnType<typeof createLoad>
