/** Creates the demo outlet's fixed parts (sections, authors, the admin), reusing any that exist. */

import type { Accounts } from '../accounts/index.js'
import type { Photo } from '../media/index.js'
import type { Author, Newsroom, Section } from '../newsroom/index.js'
import { DEMO_AUTHORS, DEMO_SECTIONS, type DemoAuthor } from './outlet.js'
import type { DemoSectionSlug } from './text/kit.js'

const ADMIN = { local: 'admin', domain: 'harbourledger.example', name: 'Site Administrator' }

/** The demo sections by slug, created in navigation order when missing. */
export async function ensureSections(newsroom: Newsroom): Promise<Map<DemoSectionSlug, Section>> {
  const sections = new Map<DemoSectionSlug, Section>()
  for (const [position, section] of DEMO_SECTIONS.entries()) {
    const existing = await newsroom.getSection(section.slug)
    sections.set(
      section.slug,
      existing ??
        (await newsroom.createSection({
          slug: section.slug,
          name: section.name,
          description: section.description,
          position,
        })),
    )
  }
  return sections
}

/** The demo authors that do not exist yet (they need portraits before they can be created). */
export async function missingAuthors(newsroom: Newsroom): Promise<DemoAuthor[]> {
  const missing: DemoAuthor[] = []
  for (const author of DEMO_AUTHORS) {
    if ((await newsroom.getAuthor(author.slug)) === undefined) missing.push(author)
  }
  return missing
}

/** Every demo author by slug; `portraits` holds one photo per missing author, in order. */
export async function ensureAuthors(
  newsroom: Newsroom,
  missing: readonly DemoAuthor[],
  portraits: readonly Photo[],
): Promise<Map<string, Author>> {
  const authors = new Map<string, Author>()
  for (const [i, author] of missing.entries()) {
    const created = await newsroom.createAuthor({
      slug: author.slug,
      name: author.name,
      jobTitle: author.jobTitle,
      bio: author.bio,
      email: author.email,
      photoId: portraits[i]?.id ?? null,
    })
    authors.set(author.slug, created)
  }
  for (const author of DEMO_AUTHORS) {
    const found = authors.get(author.slug) ?? (await newsroom.getAuthor(author.slug))
    if (found === undefined) throw new Error(`demo author ${author.slug} could not be created`)
    authors.set(author.slug, found)
  }
  return authors
}

/**
 * Creates the demo administrator with a random password. When admin@… already exists (a second
 * seed with --force), the next free admin+N@… address is used, so seeding never fails on it.
 */
export async function ensureAdmin(
  accounts: Accounts,
): Promise<{ email: string; password: string }> {
  for (let n = 1; ; n++) {
    const email = `${ADMIN.local}${n === 1 ? '' : `+${n}`}@${ADMIN.domain}`
    if ((await accounts.findByEmail(email)) !== undefined) continue
    const { generatedPassword } = await accounts.addUser({ email, name: ADMIN.name, role: 'admin' })
    if (generatedPassword === undefined)
      throw new Error('accounts.addUser returned no generated password')
    return { email, password: generatedPassword }
  }
}
