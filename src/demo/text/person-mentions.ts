/** Names people the way a news story does: full name and role first, surname after that. */

import type { Frame } from './template.js'

/** Marker slots for the body: the writer fills these, then introducePeople() resolves them. */
export const PERSON_MARKERS: Frame = {
  official: '§O§',
  officialRole: '§OR§',
  officialLast: '§OL§',
  voice: '§V§',
  voiceRole: '§VR§',
  voiceLast: '§VL§',
}

// A full mention keeps the comma that closes the role, so a later, short mention can drop it.
const MENTION = /§(O|V)§, §(?:O|V)R§(,?)|§(O|V)§|§(O|V)L§/g

/**
 * Replaces person markers in reading order: the first mention of someone becomes
 * "Name, role", every later one just the surname.
 * @example introducePeople('§V§, §VR§, said no. §VL§ left.', frame) // 'Ana Li, a nurse, said no. Li left.'
 */
export function introducePeople(text: string, frame: Frame): string {
  const introduced = new Set<string>()
  return text.replace(
    MENTION,
    (match, full?: string, comma?: string, bare?: string, short?: string, offset = 0) => {
      const who = (full ?? bare ?? short) === 'O' ? 'official' : 'voice'
      if (introduced.has(who)) return frame[`${who}Last`] ?? ''
      introduced.add(who)
      const named = `${frame[who] ?? ''}, ${frame[`${who}Role`] ?? ''}`
      if (full !== undefined) return `${named}${comma ?? ''}`
      // A bare name inside a sentence gets its role in commas; before punctuation, no extra comma.
      const next = text.charAt(Number(offset) + match.length)
      return /[.,:;]/.test(next) ? named : `${named},`
    },
  )
}
