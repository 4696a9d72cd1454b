/** Sentence templates every story of a style can use, around the kit's own facts and quotes. */

/** Background and context in news stories. */
export const NEWS_CONTEXT = [
  'The debate over {subject} has been running for [months|years], and shows little sign of ending soon.',
  '{org} has faced criticism for the pace of its decisions, though officials say the delays reflect the complexity of the work.',
  'Critics argue that {subject} was planned with too little public consultation.',
  'Supporters say {subject} is overdue and that the cost of waiting would be higher.',
  'Similar efforts elsewhere in the region have produced mixed results.',
  '{official}, {officialRole}, told reporters that the timetable remained “ambitious but achievable”.',
  'The figures could not be independently verified.',
  '{org} did not respond to a request for further comment.',
  'The announcement came after {weeks} of speculation in {place}.',
  'It is the {ordinal} time in two years that {subject} has been reviewed.',
  'Officials stressed that the figures were preliminary and could change.',
  'Local media in {place} have followed the story closely.',
]

/** How people reacted, in news stories. */
export const NEWS_REACTION = [
  '{voice}, {voiceRole}, said the announcement [raised as many questions as it answered|was a welcome first step|came too late for many].',
  'Not everyone is convinced. {voice}, {voiceRole}, said the plans still lacked detail.',
  '“We have heard promises before,” said {voice}, {voiceRole}.',
  '{voiceLast} added that [the cost|the timing|the lack of consultation] remained the biggest concern.',
  'Others were more optimistic, pointing to the progress made since last year.',
  '{officialLast} acknowledged that [mistakes had been made|the process had been slow|not everyone would be happy], but said the direction was right.',
  'Asked whether the plan would work, {voiceLast} paused. “Ask me again in a year,” came the answer.',
]

/** What comes next, in news stories. */
export const NEWS_OUTLOOK = [
  '{org} is expected to publish more details [in the coming weeks|before the end of the month|early next year].',
  'For now, {subject} remains [a work in progress|an open question|on track, officials insist].',
  '{officialLast} said the next review would take place in {months}.',
  'Whatever the outcome, the decision will be watched closely in other cities facing similar choices.',
  'A public consultation is due to open next month.',
  'The Harbour Ledger will follow the story as it develops.',
]

/** Sentences carrying a link; `{url}` is an example.org address built for the story. */
export const NEWS_LINKS = [
  '{org} has published [a summary of the plans]({url}) online.',
  'The [full report]({url}) runs to more than a hundred pages.',
  'An [earlier study]({url}) reached similar conclusions.',
  'Readers can find [the latest figures]({url}) on the organisation’s website.',
  'The [background briefing]({url}) sets out the options in more detail.',
]

/** How a quote is introduced; the quote block follows the paragraph. */
export const NEWS_QUOTE_INTROS = [
  'In a statement, {official}, {officialRole}, said:',
  '{voice}, {voiceRole}, put it more bluntly:',
  'Speaking to The Harbour Ledger, {official}, {officialRole}, said:',
  'For {voice}, {voiceRole}, the issue is personal:',
]

/** Argument in opinion columns. */
export const OPINION_ARGUMENT = [
  'It is tempting to treat {subject} as a technical question best left to experts. It is not.',
  'The objection I hear most often is cost. It deserves a serious answer.',
  'None of this is new. What is new is how many people now feel it.',
  'I do not pretend this is simple.',
  'We have tried the cautious approach for a decade. The results are all around us.',
  'There are good arguments on the other side, and they deserve better than caricature.',
  'The question is not whether we can afford to act, but whether we can afford not to.',
  'Ask anyone in {district} and you will hear a version of the same story.',
  'Change of this kind rarely feels urgent until it is overdue.',
  'Nobody at {org} wants to be remembered for saying no. Yet that is what another delay amounts to.',
  'The evidence from other port cities is not perfect, but it points one way.',
  'Politicians like to say the question of {subject} is complicated. Complicated is not the same as impossible.',
  'I have changed my mind on details before, and I may again. On the principle, I have not.',
  'The people most affected are rarely the ones in the room when decisions are made.',
]

/** Closing lines of opinion columns. */
export const OPINION_CLOSE = [
  '{city} has solved harder problems than this. It can solve this one too, if it decides to.',
  'The next time {org} debates {subject}, it should start from the people it affects, not the spreadsheet.',
  'We can keep arguing, or we can start. I know which I would choose.',
  'None of this requires genius. It requires a decision.',
  'The rest of the region is not waiting for us. We should stop waiting for ourselves.',
]

/** Link sentences in opinion columns. */
export const OPINION_LINKS = [
  'The city’s [own numbers]({url}) make the point better than I can.',
  'Anyone who doubts this should read [the council’s own report]({url}).',
  'Even {org}, in [its latest assessment]({url}), concedes as much.',
]

/** How an opinion column introduces a quote. */
export const OPINION_QUOTE_INTROS = [
  'As {voice}, {voiceRole}, told me last month:',
  'I keep coming back to something {voice}, {voiceRole}, said:',
  'Even {official}, {officialRole}, has said as much:',
]
