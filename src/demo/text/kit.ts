/** The shape of a story kit: the vocabulary and sentence templates for one kind of story. */

export type DemoSectionSlug = 'asia' | 'world' | 'business' | 'latest' | 'debate'

/**
 * One kind of story (a port expansion, a heatwave, an opinion on housing). Templates may use the
 * kit's own slots and the shared ones built in story-frame.ts ({place}, {org}, {official} …).
 */
export interface StoryKit {
  id: string
  section: DemoSectionSlug
  style: 'news' | 'opinion'
  /** Tag names; each story takes two to four. */
  tags: readonly string[]
  places: readonly string[]
  orgs: readonly string[]
  /** Noun phrases with their article ("the new ferry terminal"). */
  subjects: readonly string[]
  /** Who speaks for the story's organisation, after the name ("the port's chief executive"). */
  officialRoles: readonly string[]
  /** Who comments from outside ("a freight analyst at Larkspur Bank"). */
  voiceRoles: readonly string[]
  headlines: readonly string[]
  deks: readonly string[]
  /** Opening sentences. */
  ledes: readonly string[]
  /** Sentences specific to this kind of story. */
  facts: readonly string[]
  /** Quoted words (without quotation marks); the byline of the quote is chosen separately. */
  quotes: readonly string[]
  subheads: readonly string[]
}
