/** Invented people for demo stories and comments: names drawn from mixed pools, never real persons. */

import type { SeededRandom } from '../../lib/seeded-random.js'

const FIRST_NAMES = [
  'Amara',
  'Tobias',
  'Mei',
  'Rohan',
  'Ingrid',
  'Kwame',
  'Yuna',
  'Mateus',
  'Farida',
  'Elliot',
  'Siew Lin',
  'Nikolai',
  'Ayesha',
  'Joaquín',
  'Hye-jin',
  'Callum',
  'Noor',
  'Bao',
  'Greta',
  'Emeka',
  'Lucía',
  'Arjun',
  'Maren',
  'Tariq',
  'Keiko',
  'Dmitri',
  'Zainab',
  'Henrik',
  'Lan',
  'Oluwaseun',
  'Camille',
  'Ravi',
  'Astrid',
  'Joon-ho',
  'Paloma',
  'Idris',
  'Thuy',
  'Declan',
  'Anjali',
  'Sebastián',
  'Wanjiru',
  'Kenji',
  'Selin',
  'Marek',
  'Ines',
  'Haruto',
  'Nadia',
  'Theo',
  'Rashida',
  'Vikram',
]

const LAST_NAMES = [
  'Achterberg',
  'Balogun',
  'Castellano',
  'Dorji',
  'Ekwueme',
  'Fairbairn',
  'Gunawardena',
  'Halloran',
  'Ishikawa',
  'Jovanović',
  'Kastelein',
  'Lindahl',
  'Maheshwari',
  'Nakagawa',
  'Okonkwo',
  'Pereira-Lowe',
  'Quistgaard',
  'Rasmussen',
  'Santiago',
  'Thorvaldsen',
  'Umarov',
  'Valdivia',
  'Wickremasinghe',
  'Xiao',
  'Yilmaz',
  'Zelenko',
  'Abernethy',
  'Bhattacharya',
  'Coulibaly',
  'Delacroix-Hart',
  'Estrada',
  'Fonseca',
  'Grønlund',
  'Hashemi',
  'Ibarra',
  'Jaramillo',
  'Kowalski',
  'Lachance',
  'Mwangi',
  'Nørgaard',
  'Oyelaran',
  'Pham',
  'Raghunathan',
  'Sorensen-Tay',
  'Tanabe',
  'Underhill',
  'Verhoeven',
  'Whitlock',
  'Yamamura',
  'Zapata',
]

/** Reader names as they sign comments: first names, initials, nicknames. */
const READER_NAMES = [
  'Pauline from Saltmarsh',
  'J. Whitcombe',
  'Harbourwatcher',
  'Ken T.',
  'Old Quay resident',
  'Marisol',
  'D. Achebe',
  'Fernhill Commuter',
  'Priyanka S.',
  'ferry regular',
  'Tom Beckwith',
  'Ama K.',
  'Lantern Hill Dad',
  'Sung-min',
  'R. Okoro',
  'Geraldine',
  'NorthBasinNed',
  'Wei L.',
  'Skeptical in Eastwharf',
  'Hannah M.',
  'retired pilot',
  'Ibrahim',
  'Cass',
  'Night shift nurse',
  'Mateo R.',
  'Yoko',
  'long-time reader',
  'Bernadette O.',
  'Kai',
  'Fisher’s Point local',
]

export interface Person {
  name: string
  last: string
}

/** A fresh invented person, never one already in `taken` (names within one story stay distinct). */
export function invent(random: SeededRandom, taken: Set<string> = new Set()): Person {
  for (;;) {
    const first = random.pick(FIRST_NAMES)
    const last = random.pick(LAST_NAMES)
    const name = `${first} ${last}`
    if (!taken.has(name) && ![...taken].some((t) => t.endsWith(` ${last}`))) {
      taken.add(name)
      return { name, last }
    }
  }
}

/** A reader's display name for a comment. */
export function readerName(random: SeededRandom): string {
  return random.chance(0.6) ? random.pick(READER_NAMES) : invent(random).name
}
