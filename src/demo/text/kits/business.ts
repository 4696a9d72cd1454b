/** Story kits for the Business section: markets, shipping, property, energy and work. */

import { ASIA_PLACES, HOME_CITY } from '../places.js'
import type { StoryKit } from '../kit.js'

const REGION = [HOME_CITY, ...ASIA_PLACES.slice(0, 10)]

const markets: StoryKit = {
  id: 'business-markets',
  section: 'business',
  style: 'news',
  tags: ['markets', 'interest rates', 'economy', 'banking'],
  places: REGION,
  orgs: ['the central bank', 'Larkspur Bank', 'the Calder Bay stock exchange', 'Harrow & Lyle'],
  subjects: [
    'the interest-rate decision',
    'the latest inflation report',
    'the bond sale',
    'the quarterly growth estimate',
    'the currency’s slide',
  ],
  officialRoles: [
    'the central bank’s deputy governor',
    'the bank’s chief economist',
    'the exchange’s chief executive',
  ],
  voiceRoles: [
    'a fund manager in Calder Bay',
    'an economist at Harrow & Lyle',
    'a small-business owner who borrows to buy stock',
  ],
  headlines: [
    'Markets [rally|wobble] after {subject}',
    'Borrowers brace for {subject} as prices keep rising',
    '{org} [holds|raises|trims] rates, citing {subject}',
    'What {subject} means for your mortgage',
    'Shares in {place} [climb|slip] as investors digest {subject}',
    'Five things to know about {subject}',
  ],
  deks: [
    'Economists had expected a pause; the statement hinted at more to come.',
    'The benchmark index closed {pct} higher after a volatile session.',
    'Savers may finally see better returns, but borrowers will pay more.',
  ],
  ledes: [
    '{org} {day} kept its benchmark rate unchanged, saying it wanted more evidence that inflation was cooling before acting.',
    'Shares in {place} moved sharply after {subject}, with banks and property developers leading the swings.',
    'Consumer prices rose {pct} from a year earlier, figures showed {day}, putting pressure on {org} to respond.',
  ],
  facts: [
    'Food and rent accounted for most of the increase, while fuel prices eased slightly.',
    'The benchmark index has gained about {pct2} since January.',
    'Mortgage lenders said they would review their rates within {weeks}.',
    'Trading volumes were about a third higher than the daily average.',
    'The currency weakened to its lowest level against the dollar in {months}.',
    'Analysts surveyed before the announcement were almost evenly split.',
  ],
  quotes: [
    'The message was clear: the job is not done, and they are prepared to wait.',
    'My suppliers raised prices twice this year. I cannot raise mine twice.',
    'Markets hate surprises, and today there was no surprise, which is its own kind of news.',
    'We would rather be a little late than have to reverse course.',
  ],
  subheads: ['The decision', 'Reading the statement', 'Borrowers and savers', 'What to watch'],
}

const shipping: StoryKit = {
  id: 'business-shipping',
  section: 'business',
  style: 'news',
  tags: ['shipping', 'trade', 'ports', 'energy'],
  places: REGION,
  orgs: ['Bluewater Shipping Lines', 'Meridian Freight', 'Saltline Energy', 'Pearl Strait Ferries'],
  subjects: [
    'the rise in freight rates',
    'the fleet renewal plan',
    'the switch to cleaner fuel',
    'the merger of two ferry operators',
    'the new Asia–Europe route',
  ],
  officialRoles: [
    'the company’s chief executive',
    'the chief financial officer',
    'the head of fleet operations',
  ],
  voiceRoles: ['a shipping analyst at Larkspur Bank', 'a shipbroker', 'a maritime lawyer'],
  headlines: [
    '{org} [posts|warns of] lower profit as {subject} bites',
    'Shipping lines bet on {subject} to cut costs',
    '{org} orders {num} vessels in {money} deal',
    'Why {subject} matters to everything you buy',
    '{org} shares [jump|sink] on news of {subject}',
  ],
  deks: [
    'The company says new ships will burn less fuel and emit less carbon.',
    'Analysts say the era of cheap freight is over for now.',
    'The deal still needs approval from competition regulators.',
  ],
  ledes: [
    '{org} said {day} that profit fell {pct} in the last quarter, blaming {subject} and weaker demand from European retailers.',
    '{org} will order {num} new vessels in a deal worth about {money}, the company said, as it pushes ahead with {subject}.',
    'The cost of moving a container from the region to Europe has risen by about {pct} in {weeks}, and {subject} is only part of the story.',
  ],
  facts: [
    'The company operates about {count} sailings a year across the region.',
    'New engines can run on methanol or conventional fuel oil, giving the company flexibility.',
    'Insurance costs have risen for vessels using longer routes around conflict zones.',
    'Ferry passenger numbers have returned to their level before the pandemic.',
    'Shipyards in the region are booked for several years ahead.',
    'Competition regulators are expected to decide on the merger within {months}.',
  ],
  quotes: [
    'We are buying ships that will still be sailing in 2050. They had better be ready for it.',
    'Freight is a cyclical business, and everyone says that right before the cycle surprises them.',
    'Customers want reliability more than they want the lowest price.',
    'Consolidation is good for shareholders. Whether it is good for passengers is another question.',
  ],
  subheads: ['The numbers', 'A greener fleet', 'Rates and routes', 'The outlook'],
}

const property: StoryKit = {
  id: 'business-property',
  section: 'business',
  style: 'news',
  tags: ['housing', 'property', 'economy', 'urban planning'],
  places: [HOME_CITY],
  orgs: [
    'Northgate Holdings',
    'the housing authority',
    'Quayside Developments',
    'the estate agents’ association',
  ],
  subjects: [
    'the waterfront tower project',
    'the rise in inner-city rents',
    'the affordable-housing quota',
    'the office-to-flats conversion scheme',
    'the slump in home sales',
  ],
  officialRoles: [
    'the developer’s managing director',
    'the housing authority’s chairman',
    'the association’s president',
  ],
  voiceRoles: ['a property economist', 'a tenant in {district}', 'a first-time buyer'],
  headlines: [
    'Rents in {district} [climb|ease] for the {ordinal} month',
    '{org} [unveils|scales back] {subject} in {district}',
    'Empty offices, full waiting lists: the puzzle of {subject}',
    'First-time buyers priced out of {district}, survey finds',
    'Is {subject} working? Three years of data suggest [not yet|partly]',
  ],
  deks: [
    'Agents say demand is strongest for two-bedroom flats near ferry stops.',
    'The plan would add about {count} homes over a decade.',
    'Tenants’ groups say the figures hide a worse picture in older buildings.',
  ],
  ledes: [
    'Average rents in {district} rose {pct} over the past year, according to {org}, outpacing wages for the {ordinal} year running.',
    '{org} {day} unveiled plans for {subject}, promising hundreds of homes on a site near the old ferry sheds in {district}.',
    'Home sales in {city} fell to their lowest level in {months}, as higher borrowing costs kept buyers on the sidelines.',
  ],
  facts: [
    'A two-bedroom flat in {district} now costs about {pct2} more to rent than in a comparable building across the bay.',
    'The waiting list for public housing has grown to about {count} households.',
    'Developers must set aside a share of new flats for households on middle incomes.',
    'Vacancy rates in older office blocks have doubled since more people began working from home.',
    'Planning approval for the project is expected within {months}.',
    'Construction costs have risen sharply, which developers say makes smaller projects hard to finance.',
  ],
  quotes: [
    'We are not short of buildings. We are short of buildings people can afford to live in.',
    'I love this neighbourhood, but every renewal letter makes me wonder how long I can stay.',
    'The market is cooling, not collapsing, and that is exactly what was needed.',
    'Converting offices is slow and expensive, but it is quicker than building from nothing.',
  ],
  subheads: [
    'The numbers behind the rent',
    'Who is building',
    'A tenant’s view',
    'Where prices go next',
  ],
}

const energy: StoryKit = {
  id: 'business-energy',
  section: 'business',
  style: 'news',
  tags: ['energy', 'climate', 'jobs', 'infrastructure'],
  places: REGION,
  orgs: ['Saltline Energy', 'the grid operator', 'Windward Power', 'the energy regulator'],
  subjects: [
    'the offshore wind farm',
    'the electricity price review',
    'the rooftop solar subsidy',
    'the new gas terminal',
    'the battery storage plant',
  ],
  officialRoles: [
    'the company’s head of renewables',
    'the regulator’s chief executive',
    'the grid operator’s planning director',
  ],
  voiceRoles: [
    'an energy analyst',
    'a factory owner who pays industrial tariffs',
    'a fisherman who works near the turbine site',
  ],
  headlines: [
    'Power bills to [rise|fall] as regulator sets {subject}',
    '{org} wins approval for {subject} off {place}',
    'Fishermen and engineers share the water at {subject}',
    'The race to store the sun: inside {subject}',
    '{org} [delays|accelerates] {subject} amid cost pressures',
  ],
  deks: [
    'Households will see the change from their next quarterly bill.',
    'The project would supply power for about {count} homes.',
    'Fishing groups have negotiated compensation and access rules.',
  ],
  ledes: [
    '{org} said {day} it had won approval for {subject}, which could supply about a tenth of the city’s electricity when complete.',
    'Household electricity bills will change by about {pct} from next quarter, the energy regulator said, after a review of {subject}.',
    'Construction of {subject} off {place} is running {months} behind schedule, {org} admitted, blaming a shortage of installation vessels.',
  ],
  facts: [
    'The turbines will stand about [220|240|260] metres above the waterline at the tip of their blades.',
    'Rooftop solar installations have roughly doubled in two years.',
    'The battery plant can discharge for about four hours at full output.',
    'The project is expected to employ about {count} people during construction.',
    'Gas still generates most of the region’s electricity on calm, cloudy days.',
    'The total cost is estimated at {money}, partly funded by green bonds.',
  ],
  quotes: [
    'The wind is free. Everything between the wind and your kettle is not.',
    'We negotiated hard for access lanes, and so far the company has kept its word.',
    'Storage is what turns renewable power from a good idea into a reliable one.',
    'Bills are a political question as much as an engineering one.',
  ],
  subheads: ['From turbine to kettle', 'Sharing the sea', 'The price question', 'What comes next'],
}

/** The Business section's kits. */
export const BUSINESS_KITS: readonly StoryKit[] = [markets, shipping, property, energy]
