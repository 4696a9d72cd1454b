/** Story kits for the Latest section: the home city's transport, council, weather and culture. */

import { HOME_CITY } from '../places.js'
import type { StoryKit } from '../kit.js'

const HOME = [HOME_CITY]

const transport: StoryKit = {
  id: 'latest-transport',
  section: 'latest',
  style: 'news',
  tags: ['transport', 'ferries', 'urban planning', 'infrastructure'],
  places: HOME,
  orgs: [
    'the Coastal Transit Board',
    'Pearl Strait Ferries',
    'the city council',
    'the tramways department',
  ],
  subjects: [
    'the night ferry service',
    'the tram extension to {district}',
    'the new fare-capping scheme',
    'the cycle lane on the harbour road',
    'the ferry pier rebuild',
  ],
  officialRoles: [
    'the transit board’s chief executive',
    'the council’s transport chair',
    'the ferry company’s operations manager',
  ],
  voiceRoles: [
    'a commuter from {district}',
    'a shop owner near the pier',
    'a transport planner at the city university',
  ],
  headlines: [
    '{subject} [to start|delayed until] next month, transit board says',
    'Commuters in {district} [cheer|grumble] as {subject} begins',
    'Council approves {subject} after two-hour debate',
    'Your questions about {subject}, answered',
    'Ferry delays strand hundreds at {district} pier',
    '{district} traders fear disruption from {subject}',
    '{count} passengers and counting: {subject} passes its first test',
  ],
  deks: [
    'The board says journeys will be quicker once the work is finished.',
    'Some residents say they were not consulted.',
    'Fares will not rise this year, officials promised.',
  ],
  ledes: [
    '{org} said {day} that {subject} would begin running next month, after a trial that carried about {count} passengers.',
    'Hundreds of commuters were left waiting at the {district} pier {day} after a mechanical fault took two ferries out of service.',
    'The city council voted [11 to 6|9 to 8|12 to 5] to approve {subject}, ending a dispute that had divided residents for more than a year.',
  ],
  facts: [
    'The ferry crossing between {district} and the Old Quay takes about twelve minutes in good weather.',
    'About {count} people use the harbour ferries on an average weekday.',
    'Work on the harbour road will close one lane in each direction for {weeks}.',
    'The fare cap means no passenger will pay more than a set amount a day, however many trips they take.',
    'Trams on the new line will run every six minutes at peak times.',
    'Shop owners near the works have asked for a temporary cut in business rates.',
  ],
  quotes: [
    'I do not mind paying for the ferry. I mind standing on the pier not knowing whether it will come.',
    'This is the biggest change to the network in a generation, and we want to get it right.',
    'Every time they dig up the road, my customers go somewhere else.',
    'The fare cap is simple: you travel, and the system works out the cheapest price for you.',
  ],
  subheads: ['On the pier', 'What changes and when', 'Traders’ worries', 'The council vote'],
}

const council: StoryKit = {
  id: 'latest-council',
  section: 'latest',
  style: 'news',
  tags: ['city council', 'budget', 'schools', 'housing'],
  places: HOME,
  orgs: [
    'the city council',
    'the education board',
    'the parks department',
    'the {district} community board',
  ],
  subjects: [
    'the plan to charge for harbour parking',
    'the plan to close two branch libraries',
    'the school-meals programme',
    'the new swimming pool in {district}',
    'the crackdown on short-term rentals',
  ],
  officialRoles: [
    'the council’s finance chair',
    'the deputy mayor',
    'the education board’s director',
  ],
  voiceRoles: [
    'a parent at a {district} primary school',
    'a librarian',
    'a councillor from the opposition benches',
  ],
  headlines: [
    'Council [backs|rejects] {subject} after heated meeting',
    'Residents pack town hall to debate {subject}',
    '{subject}: who wins and who loses',
    'Budget gap forces council to rethink {subject}',
    'Parents in {district} launch petition over {subject}',
    '{district} residents split over {subject}, {count} sign petition',
  ],
  deks: [
    'The vote followed more than three hours of public comment.',
    'The council says it must save {money} over two years.',
    'A final decision is expected before the end of the month.',
  ],
  ledes: [
    'Councillors {day} voted to approve {subject}, despite objections from residents who filled the public gallery.',
    'More than {count} people have signed a petition opposing {subject}, organisers said.',
    '{org} said it would delay {subject} by {months} while it reviews the cost.',
  ],
  facts: [
    'The city faces a budget gap of about {money} next year.',
    'Attendance at branch libraries has fallen, but their computer rooms are busier than ever.',
    'The school-meals programme currently serves about {count} children a day.',
    'Short-term rentals now make up about {pct} of the flats in some waterfront streets.',
    'The meeting was streamed online and watched by more people than attended in person.',
    'Opposition councillors proposed an amendment, which was defeated.',
  ],
  quotes: [
    'A library is not just books. For some of our older residents it is the only warm room they visit all day.',
    'We had hard choices, and nobody on this council enjoyed making them.',
    'My children eat a proper lunch because of this programme. Please do not take it away.',
    'We need homes for people who live here, not for people who visit for a weekend.',
  ],
  subheads: ['Inside the chamber', 'The budget gap', 'Voices from the gallery', 'What happens now'],
}

const weather: StoryKit = {
  id: 'latest-weather',
  section: 'latest',
  style: 'news',
  tags: ['weather', 'storms', 'emergency services', 'climate'],
  places: HOME,
  orgs: [
    'the city’s weather office',
    'the fire and rescue service',
    'the harbour master’s office',
    'the power company',
  ],
  subjects: [
    'the storm warning',
    'the king-tide alert',
    'the heat advisory',
    'the strong-wind signal',
    'the flood watch',
  ],
  officialRoles: [
    'the duty forecaster',
    'the fire service’s station commander',
    'the harbour master',
  ],
  voiceRoles: ['a resident of {district}', 'a café owner on the seafront', 'a retired fisherman'],
  headlines: [
    '{subject} [issued|lifted] as gusts batter {city}',
    'Seafront roads close in {district} ahead of {subject}',
    'Thousands without power in {district} after overnight storm',
    'How to prepare for {subject}: a checklist',
    'King tide floods {district} streets, again',
    '{count} homes in {district} lose power as {subject} stays in force',
  ],
  deks: [
    'Forecasters expect conditions to ease by the weekend.',
    'Ferries are suspended until further notice.',
    'The fire service answered more than [80|120|150] calls overnight.',
  ],
  ledes: [
    '{org} raised {subject} {day} as winds of up to [90|110|120] kilometres an hour swept across the bay.',
    'Sea water spilled over the wall in {district} at high tide, flooding shops and parked cars for the second time this month.',
    'About {count} households in {district} lost power overnight when falling branches brought down lines.',
  ],
  facts: [
    'Ferry services were suspended and the harbour bridge was closed to high-sided vehicles.',
    'The highest tide of the month is expected on Thursday morning.',
    'Crews restored power to most homes by mid-morning.',
    'Residents were asked to move cars away from the seafront and to avoid the coastal path.',
    'Schools in the low-lying districts opened an hour late.',
    'The city has stockpiled sandbags at {num} depots around the harbour.',
  ],
  quotes: [
    'I have lived by this wall for forty years, and the water comes over more often now.',
    'Stay away from the sea wall. The waves are stronger than they look.',
    'We mopped out the café at six and opened at eight. That is how it goes here.',
    'Most of the calls were fallen trees and loose roof panels, thankfully nothing worse.',
  ],
  subheads: [
    'A rough night',
    'Tides and sea walls',
    'Getting the power back',
    'The weekend forecast',
  ],
}

const culture: StoryKit = {
  id: 'latest-culture',
  section: 'latest',
  style: 'news',
  tags: ['culture', 'food', 'festivals', 'community'],
  places: HOME,
  orgs: [
    'the harbour festival committee',
    'the {district} night market traders',
    'the city museum',
    'the Calder Bay Philharmonic',
  ],
  subjects: [
    'the lantern festival',
    'the night market',
    'the dragon-boat regatta',
    'the museum’s new maritime gallery',
    'the free harbour concert series',
  ],
  officialRoles: ['the festival director', 'the museum’s chief curator', 'the market’s organiser'],
  voiceRoles: ['a stallholder', 'a visitor from {district}', 'a rower in the women’s crew'],
  headlines: [
    '{subject} returns to {district} with [bigger crowds|new stalls|a new route]',
    'Behind the scenes at {subject}',
    'Crews train at dawn for {subject}',
    '{subject} draws record crowds despite the rain',
    'A night at {subject}, in pictures and voices',
    '{count} visitors, one harbour: {subject} by the numbers',
  ],
  deks: [
    'Organisers expect more than {count} visitors over the weekend.',
    'The event is free, but visitors are encouraged to take the ferry.',
    'Stallholders say it is their busiest night of the year.',
  ],
  ledes: [
    '{subject} returned to {district} {day}, drawing crowds that organisers said were the largest since it began.',
    'Long before sunrise, crews were already on the water in {district}, training for {subject}.',
    '{org} opened {subject} to the public, after {months} of preparation.',
  ],
  facts: [
    'About [120|150|200] stalls sell food from across the region, from grilled squid to coconut pancakes.',
    'The races have been held on the harbour every summer for more than a century.',
    'Volunteers spent weeks building lanterns from bamboo and paper.',
    'Entry is free, and extra ferries run until midnight.',
    'The new gallery includes a restored pilot boat and a collection of hand-drawn charts.',
    'Organisers have banned single-use plastic at the event for the first time.',
  ],
  quotes: [
    'My grandmother sold noodles at this market. Now I do. The recipe has not changed.',
    'You train all year for four minutes on the water.',
    'We wanted people to see the harbour as a living place, not a postcard.',
    'It rained for an hour and nobody left. That tells you everything.',
  ],
  subheads: ['The crowds', 'Voices from the stalls', 'A long tradition', 'If you go'],
}

/** The Latest section's kits. */
export const LATEST_KITS: readonly StoryKit[] = [transport, council, weather, culture]
