/** Story kits for the Debate section: opinion columns that argue a case about the city and region. */

import { HOME_CITY } from '../places.js'
import type { StoryKit } from '../kit.js'

const HOME = [HOME_CITY]

const housing: StoryKit = {
  id: 'debate-housing',
  section: 'debate',
  style: 'opinion',
  tags: ['housing', 'urban planning', 'opinion'],
  places: HOME,
  orgs: ['the city council', 'the housing authority', 'the planning committee'],
  subjects: [
    'the housing shortage',
    'the fate of empty office towers',
    'the height limit on the waterfront',
    'rent control',
    'the affordable-housing quota',
    'the plan for {district}’s old shipyard',
  ],
  officialRoles: ['the planning committee’s chair', 'a housing authority board member'],
  voiceRoles: [
    'a tenant organiser in {district}',
    'an architect who has worked in the city for thirty years',
  ],
  headlines: [
    '{city} does not have a housing crisis. It has a permission crisis',
    'Let {district} build up, not out',
    'The case [for|against] {subject}',
    '{subject} is a choice, and we keep making the wrong one',
    'Stop blaming tourists for the housing shortage',
    'Ten storeys in {district} would not ruin anything',
    'What {district} can teach the rest of {city} about {subject}',
  ],
  deks: [
    'We know how to build homes. What we lack is the will to let them be built.',
    'A city that prices out its nurses and bus drivers is not a city that works.',
    'Good intentions have produced a system that protects views more than people.',
  ],
  ledes: [
    'Every few months someone in {city} discovers {subject}, as if it had crept up on us unannounced.',
    'There is a simple test for any housing policy: does it make it easier for a young family to stay in {district}? By that test, we are failing.',
    'I have lived in {city} for most of my life, and I have never heard so many friends talk about leaving.',
  ],
  facts: [
    'The planning rules that shape the waterfront were written when the harbour was still full of warehouses.',
    'A teacher starting out today would spend more than half of their salary renting a small flat in {district}.',
    'It takes longer to get permission for a modest block of flats here than to build it.',
    'Other port cities in the region have added homes faster without losing their character.',
    'Rent control sounds generous, but it tends to reward whoever is lucky enough to hold a lease already.',
    'Some of the most loved streets in {city} would be illegal to build under today’s rules.',
  ],
  quotes: [
    'We are not asking for towers on every corner. We are asking for the chance to stay.',
    'A skyline is a shared view, but so is a neighbour you can afford to keep.',
    'The rules were written for the city we were, not the one we are.',
  ],
  subheads: [
    'How we got here',
    'The objections, answered',
    'A better bargain',
    'What the council should do',
  ],
}

const transit: StoryKit = {
  id: 'debate-transport',
  section: 'debate',
  style: 'opinion',
  tags: ['transport', 'ferries', 'opinion', 'climate'],
  places: HOME,
  orgs: ['the Coastal Transit Board', 'the city council'],
  subjects: [
    'free ferries',
    'a congestion charge',
    'the tram extension',
    'late-night public transport',
    'a new harbour tunnel',
    'safer cycle lanes',
  ],
  officialRoles: ['the transit board’s chairman', 'the council’s transport chair'],
  voiceRoles: ['a night-shift worker who relies on the last ferry', 'a cycling campaigner'],
  headlines: [
    'Make the ferries free. We can afford it',
    'The harbour road is a car park with a view',
    'Why I changed my mind about {subject}',
    '{subject} will not fix traffic. Here is what would',
    'A city built around the water should move by water',
    'The {district} ferry shows what {subject} could look like',
    'Ask a commuter from {district} about {subject}',
  ],
  deks: [
    'The ferry is the most {city} thing there is. We should treat it like public infrastructure, not a business.',
    'Every great port city has had to choose between its cars and its waterfront.',
    'The cheapest trip is the one that never needs a parking space.',
  ],
  ledes: [
    'Stand on the {district} pier at half past seven on a weekday morning and you will see {city}’s transport policy in miniature.',
    'For years I argued against {subject}. The numbers, and a winter of missed ferries, changed my mind.',
    'We talk about {subject} as if it were a luxury. It is nothing of the sort.',
  ],
  facts: [
    'Ferry fares cover only part of the cost of running the service; the rest already comes from the city budget.',
    'A lane of the harbour road carries fewer people an hour than a single tram line would.',
    'Cities that cut fares have usually seen ridership rise, though the effect on traffic is smaller than hoped.',
    'The last ferry from the Old Quay leaves before many restaurant and hospital shifts end.',
    'Congestion costs are paid by everyone, including people who never drive.',
    'Bus lanes on the harbour road were promised ten years ago and are still a drawing.',
  ],
  quotes: [
    'If you want people out of their cars, give them something better than a car.',
    'A ferry that stops at eleven is a ferry that tells night workers they do not count.',
    'Every minute saved on the water is a minute someone spends with their family.',
  ],
  subheads: [
    'The pier at dawn',
    'Counting the cost',
    'An objection worth taking seriously',
    'A modest proposal',
  ],
}

const region: StoryKit = {
  id: 'debate-region',
  section: 'debate',
  style: 'opinion',
  tags: ['trade', 'diplomacy', 'opinion', 'oceans'],
  places: HOME,
  orgs: ['the regional trade bloc', 'the foreign ministry'],
  subjects: [
    'the fisheries dispute',
    'the new trade pact',
    'regional climate funding',
    'the plan to protect the strait',
    'the visa rules for students',
  ],
  officialRoles: ['a former trade negotiator', 'a senior diplomat'],
  voiceRoles: ['a fisheries researcher', 'an exporter of dried seafood'],
  headlines: [
    '{subject} is a test the region cannot afford to fail',
    'What {city} gets wrong about {subject}',
    'Small ports, big stakes: why {subject} matters here',
    'Less pride, more pragmatism on {subject}',
    'The quiet costs of {subject}',
    'The view from {district} on {subject}',
  ],
  deks: [
    'Our prosperity has always depended on the sea lanes staying open. That is not a slogan; it is the economy.',
    'The region has a habit of agreeing in principle and arguing in practice.',
    'If we want a seat at the table, we have to bring something to it.',
  ],
  ledes: [
    'Most people in {city} will never read the text of {subject}, and most of them will feel its effects anyway.',
    'It is easy to treat {subject} as a matter for diplomats. The fishing crews who leave {district} before dawn know better.',
    'There is a temptation, whenever {subject} comes up, to reach for national pride. We should resist it.',
  ],
  facts: [
    'Roughly a third of the goods that pass through our harbour are bound for other ports in the region.',
    'Fish stocks do not stop at maritime borders, and neither does overfishing.',
    'Regional agreements have tended to succeed when they began small and practical.',
    'Students from neighbouring countries make up a large share of enrolments at the city university.',
    'The strait carries more traffic every year, and the rules that govern it are decades old.',
    'Exporters say the paperwork, not the tariffs, is what costs them most.',
  ],
  quotes: [
    'Fish do not carry passports, and the rules we write for them should not pretend otherwise.',
    'Every agreement is a compromise. The alternative is not a better deal; it is no deal.',
    'Trade is just neighbours doing business. We should make it easier to be good neighbours.',
  ],
  subheads: [
    'Why it matters here',
    'The argument against',
    'What a good deal looks like',
    'The choice ahead',
  ],
}

const cityLife: StoryKit = {
  id: 'debate-city-life',
  section: 'debate',
  style: 'opinion',
  tags: ['community', 'culture', 'opinion', 'schools'],
  places: HOME,
  orgs: ['the city council', 'the education board', 'the parks department'],
  subjects: [
    'branch libraries',
    'the waterfront parks',
    'local newspapers',
    'the night markets',
    'public swimming pools',
    'school playing fields',
  ],
  officialRoles: ['the council’s culture chair', 'the education board’s director'],
  voiceRoles: ['a librarian in {district}', 'a secondary-school teacher', 'a market trader'],
  headlines: [
    'In defence of {subject}',
    '{subject} are worth more than their budget line',
    'Lessons from {district} about {subject}',
    'What we lose when we lose {subject}',
    'A small fix for {subject} that nobody is talking about',
    '{city} should be braver about {subject}',
  ],
  deks: [
    'The things that make a city liveable rarely show up in a spreadsheet.',
    'We measure what is easy to count and neglect what is easy to lose.',
    'Public life needs public places, and those need looking after.',
  ],
  ledes: [
    'The debate about {subject} in {city} has been conducted almost entirely in numbers. That is the first mistake.',
    'On a wet Tuesday evening in {district}, the busiest room in the neighbourhood was not a bar or a shop.',
    'Nobody campaigns for {subject} until the closure notices go up.',
  ],
  facts: [
    'Branch libraries lend fewer books than they did a decade ago, but more people use them to study, print forms and get online.',
    'The city spends less per resident on parks than most comparable ports in the region.',
    'Night markets bring trade to streets that would otherwise be empty after dark.',
    'A community that stops reading about its council stops turning up to council meetings.',
    'Teachers say pupils arrive tired, and that the school day was designed around a very different city.',
    'Small public spaces do more for wellbeing, per dollar, than almost anything else a council can buy.',
  ],
  quotes: [
    'A city is not a hotel. People need somewhere to be that is not for sale.',
    'You cannot cut your way to a community.',
    'The best public places are the ones nobody has to justify.',
  ],
  subheads: ['What the numbers miss', 'A fair objection', 'Cheaper than it looks', 'A proposal'],
}

/** The Debate section's kits. */
export const DEBATE_KITS: readonly StoryKit[] = [housing, transit, region, cityLife]
