/** English text analysis shared by the related-stories index and site search: tokens, stop words, light stemming. */

/** Common English words that say nothing about what a story is about. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each either else ' +
    'ever every few for from further had has have having he her here hers herself him himself ' +
    'his how however i if in into is it its itself just least less let like made make many may ' +
    'me might more most much must my myself never no nor not now of off often on once one only ' +
    'or other our ours ourselves out over own per perhaps quite rather said same says say she ' +
    'should since so some still such than that the their theirs them themselves then there ' +
    'these they this those though through thus to too under until up upon us very via was we ' +
    'were what when where whether which while who whom whose why will with within without ' +
    'would yet you your yours yourself yourselves mr mrs ms new year years two three told ' +
    'according week weeks day days time times first last get got'
  ).split(' '),
)

const VOWEL = /[aeiouy]/

/**
 * A light English stemmer: plural and common verb/adverb endings only (ferries → ferry,
 * shipping → ship, delayed → delay, quickly → quick). Deliberately conservative: over-stemming
 * merges unrelated words, which hurts precision more than a missed plural does.
 */
export function lightStem(word: string): string {
  const n = word.length
  if (n <= 3) return word
  if (word.endsWith('ies') && n > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('sses')) return word.slice(0, -2)
  if (/(?:ches|shes|xes|zes)$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('ing') && n > 5 && VOWEL.test(word.slice(0, -3)))
    return undouble(word.slice(0, -3))
  if (word.endsWith('ied') && n > 4) return `${word.slice(0, -3)}y`
  if (word.endsWith('ed') && n > 4 && VOWEL.test(word.slice(0, -2)))
    return undouble(word.slice(0, -2))
  if (word.endsWith('ly') && n > 5) return word.slice(0, -2)
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1)
  return word
}

/** "shipp" → "ship": a doubled final consonant left by -ing/-ed (but not ll, ss, zz). */
function undouble(stem: string): string {
  const last = stem.at(-1)
  if (last !== undefined && last === stem.at(-2) && !/[aeiouylsz]/.test(last))
    return stem.slice(0, -1)
  return stem
}

/** Splits lower-cased text into raw tokens (letters and digits of any script). */
export const TOKEN_SPLIT = /[^\p{L}\p{N}]+/u
/** Markdown link and image targets, and HTML tags: addresses are not words of the story. */
const MARKUP = /\]\([^)]*\)|<[^>]*>/g

/** Lower-cased raw tokens of `text`, markup addresses left out. */
export function rawTokens(text: string): string[] {
  return text.replace(MARKUP, ' ').toLowerCase().split(TOKEN_SPLIT)
}

/** The index term of a raw lower-case token, or null for stop words, numbers and single letters. */
export function termOf(raw: string): string | null {
  if (raw.length < 2 || STOP_WORDS.has(raw) || /^\d+$/.test(raw)) return null
  return lightStem(raw)
}

/** The terms of `text` after analysis, in order. */
export function analyze(text: string): string[] {
  const out: string[] = []
  for (const raw of rawTokens(text)) {
    const term = termOf(raw)
    if (term !== null) out.push(term)
  }
  return out
}
