/** Story kits for the Asia section: ports, weather, elections and technology across the region. */

import { ASIA_PLACES } from '../places.js'
import type { StoryKit } from '../kit.js'

const ports: StoryKit = {
  id: 'asia-ports',
  section: 'asia',
  style: 'news',
  tags: ['shipping', 'trade', 'ports', 'infrastructure', 'labour'],
  places: ASIA_PLACES,
  orgs: [
    'the regional port authority',
    'Bluewater Shipping Lines',
    'Pearl Strait Terminals',
    'the harbour board',
  ],
  subjects: [
    'the new deep-water berth',
    'the container terminal expansion',
    'the night-shift programme',
    'the dredging contract',
    'the automated crane yard',
  ],
  officialRoles: [
    'the port authority’s chief executive',
    'the terminal’s operations director',
    'the harbour master',
  ],
  voiceRoles: [
    'a freight analyst at Larkspur Bank',
    'a logistics researcher at the Straits Maritime Institute',
    'a dock workers’ union organiser',
  ],
  headlines: [
    '{place} port [extends|adds] night shifts as cargo backlog grows',
    'Ships queue off {place} as {subject} runs [late|over budget]',
    '{place} bets on {subject} to win back transhipment trade',
    'Dock workers in {place} [question|welcome] {subject}',
    'Why the queue of ships outside {place} is getting longer',
    '{place} terminal [hits|nears] record volumes despite weak demand',
  ],
  deks: [
    'Operators say {subject} will ease congestion by spring; shippers are not so sure.',
    'Waiting times at anchor have roughly doubled since the summer, according to port data.',
    'The plan is the largest investment in the harbour for a decade.',
  ],
  ledes: [
    'Container ships waiting to berth in {place} now spend an average of {num} days at anchor, port figures show, as {org} races to finish {subject}.',
    'Port officials in {place} {day} defended {subject}, arguing that the harbour would lose business to its neighbours without it.',
    'Freight volumes through {place} rose {pct} in the last quarter, even as {subject} remained months behind schedule.',
  ],
  facts: [
    'The harbour handled about {count} containers last month, measured in twenty-foot equivalent units.',
    'Work on {subject} began {months} ago and was meant to be finished before the monsoon season.',
    'Two of the terminal’s six cranes were out of service for maintenance for much of the autumn.',
    'Shipping lines have started adding surcharges of up to [$400|$650|$900] a container to cover the delays.',
    'The authority says automation will not cost jobs, though it has not published staffing plans.',
    'Smaller feeder vessels have been the worst affected, often waiting behind larger ships with fixed slots.',
  ],
  quotes: [
    'Every day a ship waits at anchor costs someone money, and in the end that someone is the shopper.',
    'We built this port for the trade of twenty years ago. We are catching up, and catching up is never tidy.',
    'Nobody has explained to the crews how the new shift pattern will work, and that worries me more than the cranes.',
    'The numbers look good on paper. The queue outside the breakwater tells a different story.',
  ],
  subheads: [
    'A queue at the breakwater',
    'Who pays for the delays',
    'The view from the quayside',
    'What happens next',
  ],
}

const monsoon: StoryKit = {
  id: 'asia-weather',
  section: 'asia',
  style: 'news',
  tags: ['climate', 'weather', 'flooding', 'public health'],
  places: ASIA_PLACES,
  orgs: [
    'the national weather agency',
    'the city’s disaster management office',
    'the provincial government',
  ],
  subjects: [
    'the early monsoon',
    'the flood-warning system',
    'the record heatwave',
    'the new sea wall',
    'the evacuation plan',
  ],
  officialRoles: ['the disaster office’s director', 'a senior forecaster', 'the deputy governor'],
  voiceRoles: [
    'a hydrologist at the regional university',
    'a volunteer rescue coordinator',
    'a rice farmer who lost most of this year’s crop',
  ],
  headlines: [
    'Floods close schools across {place} as {subject} [arrives|strikes] early',
    '{place} tests {subject} as rivers rise',
    'Heat records fall in {place} for the {ordinal} day running',
    'Farmers outside {place} count the cost of {subject}',
    'Can {subject} keep {place} dry? Engineers are divided',
  ],
  deks: [
    'Forecasters warn that the worst of the rain may still be to come.',
    'Officials say the warning system worked; residents in low-lying districts disagree.',
    'The weather agency recorded {num} centimetres of rain in a single night.',
  ],
  ledes: [
    'Heavy rain swept across {place} {day}, flooding roads in at least {num} districts and forcing {org} to open emergency shelters.',
    'Temperatures in {place} climbed past 40C for a fourth straight afternoon, straining the power grid and emptying the streets at midday.',
    'Residents of {place} were told to move to higher ground overnight as {subject} brought river levels close to their historic peak.',
  ],
  facts: [
    'About {count} people spent the night in schools and community halls, according to {org}.',
    'The rain gauge at the airport recorded more rain in six hours than in the whole of last month.',
    'Hospitals reported a rise in cases of heat exhaustion, most of them among outdoor workers.',
    'Engineers say the drainage network was designed for storms that now arrive several times a year.',
    'Insurers estimate that damage to homes and shops could exceed {money}.',
    'Ferry services and two commuter rail lines were suspended until further notice.',
  ],
  quotes: [
    'The warnings came through on our phones, but by then the water was already at the door.',
    'We are seeing in ten years what our models expected in thirty.',
    'The shelters are full, and people are patient, but they want to know when they can go home.',
    'A sea wall buys time. It does not change where the water wants to go.',
  ],
  subheads: [
    'A long night',
    'Warnings and what came after',
    'The rising cost',
    'Planning for the next storm',
  ],
}

const elections: StoryKit = {
  id: 'asia-politics',
  section: 'asia',
  style: 'news',
  tags: ['elections', 'politics', 'governance', 'youth'],
  places: ASIA_PLACES,
  orgs: [
    'the electoral commission',
    'the governing coalition',
    'the opposition alliance',
    'the city assembly',
  ],
  subjects: [
    'the mayoral race',
    'the provincial election',
    'the by-election',
    'the referendum on a new city charter',
    'the regional assembly election',
  ],
  officialRoles: [
    'the commission’s chair',
    'a coalition spokesman',
    'the opposition’s campaign director',
  ],
  voiceRoles: [
    'a political scientist at the regional university',
    'a first-time voter',
    'an election observer',
  ],
  headlines: [
    'Young voters could decide {subject} in {place}',
    'Turnout [surges|slumps] as {place} votes in {subject}',
    '{place} opposition [claims|concedes] ground after {subject}',
    'Inside the quiet campaign for {subject} in {place}',
    'What {subject} means for {place}, in five charts',
    '{place} [delays|confirms] results of {subject} after recount',
  ],
  deks: [
    'Polls suggest the contest is closer than at any time in a generation.',
    'Observers reported long queues but few complaints at polling stations.',
    'A first look at the results shows a shift in the city’s outer districts.',
  ],
  ledes: [
    'Voters in {place} went to the polls {day} in {subject}, a contest that analysts say will shape the region’s politics for years.',
    'Preliminary results from {subject} in {place} point to a narrow outcome, with {org} saying a final count could take {weeks}.',
    'Campaigning in {subject} in {place} has been unusually quiet, with candidates favouring neighbourhood meetings over rallies.',
  ],
  facts: [
    'Turnout stood at {pct} by mid-afternoon, according to {org}.',
    'About {count} first-time voters registered this year, the largest number on record.',
    'Both main candidates have promised cheaper public transport and more affordable housing.',
    'The new rules allow residents to vote at any polling station in their district.',
    'Observers from three neighbouring countries have been invited to monitor the count.',
    'Debates were streamed online and drew larger audiences than the television broadcasts.',
  ],
  quotes: [
    'People want to be asked what they think, not told what to think.',
    'We will respect the count, every last ballot of it.',
    'My parents voted the same way for thirty years. I am not sure I will vote the same way twice.',
    'The campaign was polite. The governing will be harder.',
  ],
  subheads: [
    'The numbers so far',
    'A generation votes',
    'Promises on the doorstep',
    'After the count',
  ],
}

const tech: StoryKit = {
  id: 'asia-technology',
  section: 'asia',
  style: 'news',
  tags: ['technology', 'semiconductors', 'trade', 'jobs'],
  places: ASIA_PLACES,
  orgs: ['Kite Robotics', 'Lumen Foundry', 'the national investment board', 'Tessera Microsystems'],
  subjects: [
    'the new chip plant',
    'the robotics park',
    'the data-centre cluster',
    'the battery factory',
    'the training scheme for engineers',
  ],
  officialRoles: [
    'the company’s regional director',
    'the investment board’s deputy chief',
    'the plant manager',
  ],
  voiceRoles: [
    'a technology analyst in Singapore',
    'an engineering student',
    'a researcher who studies supply chains',
  ],
  headlines: [
    '{place} [lands|courts] {subject} in race for high-tech jobs',
    'Power and water: the hidden costs of {subject} in {place}',
    '{org} [breaks ground on|pauses work on] {subject} near {place}',
    'Engineers wanted: {place} struggles to staff {subject}',
    'How {subject} is changing a fishing town outside {place}',
  ],
  deks: [
    'The project promises thousands of jobs, but local officials worry about the strain on the grid.',
    'It is the largest foreign investment in the province this year.',
    'Universities are rewriting courses to keep up with demand.',
  ],
  ledes: [
    '{org} said {day} it would build {subject} outside {place}, an investment officials valued at {money}.',
    'The fields outside {place} where {subject} is rising were rice paddies five years ago.',
    'Demand for engineers in {place} has outstripped supply, according to a survey by {org}, as {subject} prepares to open.',
  ],
  facts: [
    'The site will need roughly as much electricity as a city of {count} people.',
    'Salaries for experienced technicians have risen by about {pct} in two years.',
    'Construction crews are working in shifts around the clock to meet a deadline set for next year.',
    'Local officials have promised a new water treatment plant to serve the project and nearby villages.',
    'The company has not said how many of the new jobs will go to local hires.',
    'Land prices near the site have roughly tripled since the plan was announced.',
  ],
  quotes: [
    'You cannot build the future on a grid designed for ceiling fans.',
    'My father fished. I will write software for machines that make chips. That is a big change in one family.',
    'We are committed to this region for the long term, not for one business cycle.',
    'The question is not whether the jobs come, but who gets them.',
  ],
  subheads: [
    'A town transformed',
    'The strain on the grid',
    'Skills in short supply',
    'The bigger picture',
  ],
}

/** The Asia section's kits. */
export const ASIA_KITS: readonly StoryKit[] = [ports, monsoon, elections, tech]
