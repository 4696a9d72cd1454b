/** Story kits for the World section: diplomacy, climate, health and science beyond the region. */

import { WORLD_PLACES } from '../places.js'
import type { StoryKit } from '../kit.js'

const climate: StoryKit = {
  id: 'world-climate',
  section: 'world',
  style: 'news',
  tags: ['climate', 'diplomacy', 'energy', 'oceans'],
  places: WORLD_PLACES,
  orgs: [
    'the summit secretariat',
    'a coalition of island states',
    'the Ocean Futures Forum',
    'the delegation from the coastal states',
  ],
  subjects: [
    'the draft climate agreement',
    'the fund for coastal cities',
    'the plan to protect the high seas',
    'the shipping emissions levy',
    'the pledge on methane',
  ],
  officialRoles: [
    'the summit’s chief negotiator',
    'a senior delegate',
    'the forum’s executive secretary',
  ],
  voiceRoles: [
    'a climate policy researcher',
    'a youth delegate from the Pacific',
    'an economist who studies carbon markets',
  ],
  headlines: [
    'Talks in {place} [stall|inch forward] over {subject}',
    'Island nations push for {subject} as summit enters final day',
    'Negotiators in {place} reach [late-night|tentative] deal on {subject}',
    'Who pays? The question hanging over {subject}',
    '{subject} survives, but without the numbers campaigners wanted',
  ],
  deks: [
    'Delegates say the text is weaker than hoped but stronger than feared.',
    'Small island states warned they would not sign a deal without firm money behind it.',
    'The agreement still needs to be approved by national parliaments.',
  ],
  ledes: [
    'Negotiators in {place} worked through the night on {subject}, with delegates saying the gap between rich and poor countries had narrowed but not closed.',
    'A bloc of small island states {day} threatened to walk out of talks in {place} unless {subject} included binding targets.',
    'After {weeks} of talks in {place}, governments agreed on the outline of {subject}, leaving the hardest questions for next year.',
  ],
  facts: [
    'The draft text calls for {money} a year in support for vulnerable countries by the end of the decade.',
    'More than {count} delegates, observers and journalists registered for the meeting.',
    'Sea levels along some Pacific coastlines have risen by roughly twice the global average.',
    'Shipping accounts for a small but growing share of global emissions, and is hard to regulate because vessels cross many jurisdictions.',
    'A previous agreement on the same issue collapsed when two large economies withdrew their support.',
    'The text was translated into six languages overnight so that delegations could review it before dawn.',
  ],
  quotes: [
    'For us this is not a negotiation about percentages. It is about whether our islands are still there.',
    'We have a text. It is not the text I would have written, but it is one we can build on.',
    'Money promised is not money delivered, and we have learned to tell the difference.',
    'The ocean does not recognise borders, and neither should our rules for protecting it.',
  ],
  subheads: [
    'A long night of drafting',
    'The money question',
    'Islands on the front line',
    'What the deal does not say',
  ],
}

const health: StoryKit = {
  id: 'world-health',
  section: 'world',
  style: 'news',
  tags: ['public health', 'science', 'aid'],
  places: WORLD_PLACES,
  orgs: [
    'the regional health agency',
    'Medaid International',
    'the national institute of public health',
    'a consortium of university hospitals',
  ],
  subjects: [
    'the measles vaccination drive',
    'the malaria vaccine trial',
    'the mobile clinic programme',
    'the new antibiotic study',
    'the clean-water scheme',
  ],
  officialRoles: [
    'the agency’s medical director',
    'the programme’s field coordinator',
    'the trial’s lead investigator',
  ],
  voiceRoles: [
    'an epidemiologist',
    'a community nurse',
    'a parent who queued for hours at a clinic',
  ],
  headlines: [
    '{subject} reaches remote villages outside {place}',
    'Early results from {subject} in {place} [surprise|encourage] researchers',
    'Clinics in {place} run short of staff as {subject} expands',
    'How {subject} won over sceptical parents in {place}',
    '{org} [doubles|scales back] {subject} after funding review',
  ],
  deks: [
    'Health workers say trust, not supply, is now the main obstacle.',
    'The findings have not yet been peer reviewed.',
    'The programme relies on boats, motorbikes and a great deal of patience.',
  ],
  ledes: [
    'Health workers travelling by boat and motorbike have brought {subject} to villages that had not seen a doctor in years, {org} said {day}.',
    'Preliminary data from {subject} in {place} suggest it cut hospital admissions by about {pct}, researchers said.',
    '{org} said it would expand {subject} to {num} more districts around {place} after a year of promising results.',
  ],
  facts: [
    'More than {count} children have been vaccinated since the programme began.',
    'Each mobile team includes a nurse, a driver and a local volunteer who speaks the regional language.',
    'Vaccines must be kept cold for the whole journey, which can take two days by road and river.',
    'The study followed patients for eighteen months and compared them with a control group.',
    'Funding for the scheme runs out next year unless donors renew their commitments.',
    'Researchers cautioned that the sample was small and the results needed to be confirmed.',
  ],
  quotes: [
    'The hardest part is not the road. It is the first conversation with a worried mother.',
    'These results are encouraging, but encouraging is not the same as proven.',
    'When the clinic came, we stopped losing a day of work every time a child had a fever.',
    'We measure success in the outbreaks that never make the news.',
  ],
  subheads: ['The last mile', 'What the data show', 'Trust on the doorstep', 'A fragile budget'],
}

const science: StoryKit = {
  id: 'world-science',
  section: 'world',
  style: 'news',
  tags: ['science', 'oceans', 'space', 'technology'],
  places: WORLD_PLACES,
  orgs: [
    'the Polar Research Consortium',
    'the national space agency',
    'the Institute of Marine Sciences',
    'the deep-ocean observatory',
  ],
  subjects: [
    'the Antarctic ice-core project',
    'the ocean-mapping mission',
    'the new weather satellite',
    'the survey of deep-sea corals',
    'the tidal-energy experiment',
  ],
  officialRoles: [
    'the mission’s chief scientist',
    'the project director',
    'a senior engineer on the project',
  ],
  voiceRoles: [
    'a marine biologist who was not involved in the study',
    'an astrophysicist',
    'a science historian',
  ],
  headlines: [
    'Scientists in {place} [unveil|publish] first results from {subject}',
    '{subject} maps an underwater world few have seen',
    'Launch of {subject} [delayed|rescheduled] after sensor fault',
    'What {subject} could tell us about the next century of storms',
    'A research ship returns to {place} with surprises from {subject}',
  ],
  deks: [
    'The findings suggest the seabed changes faster than scientists had assumed.',
    'Data from the mission will be free for anyone to download.',
    'The team spent four months at sea to collect the samples.',
  ],
  ledes: [
    'A research vessel returned to {place} {day} after {months} at sea, carrying samples that scientists say could reshape their understanding of {subject}.',
    'Scientists working on {subject} published their first results, describing features that had never been mapped.',
    '{org} said {subject} would be delayed by at least {weeks} after engineers found a fault during final tests in {place}.',
  ],
  facts: [
    'The team mapped roughly {count} square kilometres of seabed using sonar.',
    'Less than a quarter of the ocean floor has been mapped in high detail.',
    'Samples will be shared with laboratories in {num} countries.',
    'The instrument can measure changes in sea-surface height of less than a centimetre.',
    'Cores drilled from the ice preserve air bubbles that are hundreds of thousands of years old.',
    'The project cost about {money}, shared among several national research councils.',
  ],
  quotes: [
    'Every time we look closely at the deep ocean, it turns out to be busier than we thought.',
    'We would rather launch late than launch blind.',
    'This is the sort of data set that people will still be mining in thirty years.',
    'Curiosity is the point, but the practical value for forecasting is enormous.',
  ],
  subheads: ['Into the deep', 'A delay, and why', 'Open data', 'Questions for the next voyage'],
}

const diplomacy: StoryKit = {
  id: 'world-diplomacy',
  section: 'world',
  style: 'news',
  tags: ['diplomacy', 'trade', 'migration', 'aid'],
  places: WORLD_PLACES,
  orgs: [
    'the foreign ministry',
    'the trade bloc’s secretariat',
    'the regional refugee agency',
    'a group of mediators',
  ],
  subjects: [
    'the fisheries agreement',
    'the ceasefire talks',
    'the new visa scheme for seasonal workers',
    'the grain corridor',
    'the border-crossing deal',
  ],
  officialRoles: ['the foreign minister', 'a senior diplomat', 'the bloc’s trade commissioner'],
  voiceRoles: [
    'a former ambassador',
    'a researcher at an international affairs institute',
    'an aid worker at the border',
  ],
  headlines: [
    'Diplomats meet in {place} to rescue {subject}',
    '{subject} [extended|suspended] as talks in {place} drag on',
    'Seasonal workers wait on {subject} as harvest nears',
    'Behind the handshake: how {subject} was agreed in {place}',
    'Mediators in {place} report progress on {subject}',
  ],
  deks: [
    'Officials say the outline of a deal exists, but the details remain contested.',
    'The agreement affects tens of thousands of workers and their families.',
    'Neither side has published the text.',
  ],
  ledes: [
    'Negotiators met behind closed doors in {place} {day} in an effort to keep {subject} alive, diplomats said.',
    'Governments agreed to extend {subject} for another {months}, easing fears of disruption ahead of the harvest.',
    'The talks in {place} over {subject} ended without a statement, a sign, one diplomat said, that “the difficult part has started”.',
  ],
  facts: [
    'The previous arrangement expired {weeks} ago and has been informally rolled over since.',
    'About {count} people crossed the border in the last month, according to {org}.',
    'Trade covered by the agreement is worth about {money} a year.',
    'Both governments face elections next year, which diplomats say makes compromise harder.',
    'Aid groups have asked for guarantees that humanitarian convoys will not be delayed.',
    'The talks were hosted by a neutral country that has mediated similar disputes before.',
  ],
  quotes: [
    'Diplomacy is mostly patience, and a great deal of coffee.',
    'We are closer than we were a month ago, and further than we would like.',
    'For the families at the border, every week of delay is a week without certainty.',
    'Agreements like this survive when both sides can claim a small victory at home.',
  ],
  subheads: ['Behind closed doors', 'What is on the table', 'At the border', 'The road ahead'],
}

/** The World section's kits. */
export const WORLD_KITS: readonly StoryKit[] = [climate, health, science, diplomacy]
