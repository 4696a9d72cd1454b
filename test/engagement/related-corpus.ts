/** A small hand-written corpus in five clear topics, for testing related stories with known answers. */

export type Topic = 'ferries' | 'rates' | 'typhoon' | 'election' | 'schools'

export interface CorpusStory {
  topic: Topic
  /** Section name; topics deliberately cross sections, so content has to do the work. */
  section: 'Asia' | 'World' | 'Business' | 'Debate'
  headline: string
  dek: string
  body: string
  tags: string[]
}

/** Thirty short original stories, six per topic. */
export const CORPUS: readonly CorpusStory[] = [
  // Harbour ferries and shipping.
  {
    topic: 'ferries',
    section: 'Asia',
    headline: 'Harbour ferry timetable cut as crews run short',
    dek: 'Commuters face longer waits at the pier.',
    body: 'The ferry operator removed six evening crossings after deckhands and pilots left for better pay. Passengers queued at the pier for forty minutes while one vessel shuttled across the harbour.',
    tags: ['Ferries', 'Harbour'],
  },
  {
    topic: 'ferries',
    section: 'Business',
    headline: 'Ferry operator orders two electric vessels',
    dek: 'The boats will carry 400 passengers across the harbour.',
    body: 'Battery ferries charging at the pier between crossings will replace diesel vessels on the busiest harbour route. The operator says crews will train on the new boats next spring.',
    tags: ['Ferries', 'Shipping'],
  },
  {
    topic: 'ferries',
    section: 'World',
    headline: 'Storm-damaged pier reopens to ferry passengers',
    dek: 'Repairs to the landing took three months.',
    body: 'Engineers rebuilt the floating pontoon so ferries can berth again. Harbour pilots guided the first vessel alongside while passengers cheered from the quay.',
    tags: ['Harbour', 'Ferries'],
  },
  {
    topic: 'ferries',
    section: 'Asia',
    headline: 'Night ferry crossings return after pilot dispute ends',
    dek: 'Harbour pilots accepted a new rota.',
    body: 'The late crossings resume on Monday after pilots and the ferry company agreed on shifts. Vessels will sail every half hour from the main pier until midnight.',
    tags: ['Ferries'],
  },
  {
    topic: 'ferries',
    section: 'Debate',
    headline: 'Should the harbour ferries be free for pensioners?',
    dek: 'A council motion divides the ferry board.',
    body: 'Supporters say free crossings would keep older passengers connected across the harbour. The ferry operator warns that fares pay for crews, pilots and vessel repairs.',
    tags: ['Ferries', 'Harbour'],
  },
  {
    topic: 'ferries',
    section: 'Business',
    headline: 'Container ships and ferries squeeze into crowded harbour lanes',
    dek: 'Port traffic hit a record in October.',
    body: 'Harbour pilots now guide container vessels and passenger ferries through the same narrow channel. Shipping lines want a separate lane before the pier extension opens.',
    tags: ['Shipping', 'Harbour'],
  },
  // Central bank and interest rates.
  {
    topic: 'rates',
    section: 'Business',
    headline: 'Central bank raises interest rates to curb inflation',
    dek: 'Borrowing costs climb for the third time this year.',
    body: 'The central bank lifted its benchmark rate by a quarter point as inflation stayed above target. Mortgage lenders are expected to pass the increase to borrowers within weeks.',
    tags: ['Interest rates', 'Inflation'],
  },
  {
    topic: 'rates',
    section: 'World',
    headline: 'Mortgage borrowers brace for higher monthly repayments',
    dek: 'Lenders follow the central bank.',
    body: 'Banks raised variable mortgage rates after the central bank decision. Households with large loans will pay more each month while inflation squeezes wages.',
    tags: ['Mortgages', 'Interest rates'],
  },
  {
    topic: 'rates',
    section: 'Business',
    headline: 'Inflation cools but the central bank holds rates',
    dek: 'Governor says the job is not finished.',
    body: 'Consumer prices rose more slowly last month, yet the central bank kept its benchmark interest rate unchanged. Economists expect cuts only once inflation returns to target.',
    tags: ['Inflation', 'Interest rates'],
  },
  {
    topic: 'rates',
    section: 'Debate',
    headline: 'Are rate rises the right cure for inflation?',
    dek: 'Two economists disagree on the central bank.',
    body: 'One argues that higher interest rates are the only tool that tames inflation. The other says borrowers and small firms carry the cost while prices are driven by energy.',
    tags: ['Inflation', 'Economy'],
  },
  {
    topic: 'rates',
    section: 'Asia',
    headline: 'Savers finally earn more as deposit rates climb',
    dek: 'Banks compete for deposits after the rate rise.',
    body: 'Savings accounts now pay the highest interest in a decade, following the central bank increase. Savers still lose ground while inflation stays above the deposit rate.',
    tags: ['Interest rates', 'Banks'],
  },
  {
    topic: 'rates',
    section: 'Business',
    headline: 'Bond markets bet on central bank cuts next year',
    dek: 'Yields fall as inflation eases.',
    body: 'Traders expect the central bank to lower interest rates twice next year. Bond yields dropped after figures showed inflation slowing and mortgage lending weakening.',
    tags: ['Markets', 'Interest rates'],
  },
  // Typhoon and flooding.
  {
    topic: 'typhoon',
    section: 'Asia',
    headline: 'Typhoon brings flooding to coastal villages',
    dek: 'Thousands evacuated as rivers burst their banks.',
    body: 'Torrential rain from the typhoon flooded rice fields and coastal villages overnight. Rescue teams in boats evacuated families from rooftops as the river kept rising.',
    tags: ['Typhoon', 'Floods'],
  },
  {
    topic: 'typhoon',
    section: 'World',
    headline: 'Rescue teams reach flooded mountain towns',
    dek: 'Landslides blocked roads after the typhoon.',
    body: 'Soldiers cleared landslides to reach towns cut off by floodwater. The typhoon dropped a month of rain in two days, and evacuation centres are full.',
    tags: ['Floods', 'Rescue'],
  },
  {
    topic: 'typhoon',
    section: 'Asia',
    headline: 'Weather service warns of second typhoon within a week',
    dek: 'Coastal provinces told to prepare evacuations.',
    body: 'Forecasters expect the new typhoon to make landfall with heavy rain and storm surge. Villages still drying out from last week’s floods are moving families to higher ground.',
    tags: ['Typhoon', 'Weather'],
  },
  {
    topic: 'typhoon',
    section: 'Debate',
    headline: 'Why do the same villages flood after every typhoon?',
    dek: 'Drainage, mangroves and planning.',
    body: 'Engineers say cleared mangroves and blocked drains turn every typhoon into a flood. Villagers want river walls before the next rain season, not more evacuations.',
    tags: ['Floods', 'Climate'],
  },
  {
    topic: 'typhoon',
    section: 'Business',
    headline: 'Rice harvest losses mount after typhoon floods',
    dek: 'Farmers count the cost of the storm.',
    body: 'Floodwater ruined a third of the rice harvest in the worst-hit provinces. Farmers whose fields flooded after the typhoon ask for seed and cheap loans to replant.',
    tags: ['Typhoon', 'Farming'],
  },
  {
    topic: 'typhoon',
    section: 'World',
    headline: 'Aid flights land as floodwaters recede',
    dek: 'Evacuees begin returning home.',
    body: 'Relief planes brought tents, water and medicine for families evacuated during the typhoon. As the floods recede, villagers return to mud-filled homes and ruined fields.',
    tags: ['Floods', 'Aid'],
  },
  // Elections.
  {
    topic: 'election',
    section: 'World',
    headline: 'Voters head to the polls in a tight presidential election',
    dek: 'Turnout is expected to break records.',
    body: 'Queues formed outside polling stations before dawn as voters chose between two candidates tied in the last opinion polls. Ballots will be counted overnight.',
    tags: ['Elections', 'Voting'],
  },
  {
    topic: 'election',
    section: 'Asia',
    headline: 'Opposition candidate claims victory as ballots are counted',
    dek: 'The electoral commission urges patience.',
    body: 'With most ballots counted, the opposition candidate leads by two points. The electoral commission says official results will follow once every polling station reports.',
    tags: ['Elections'],
  },
  {
    topic: 'election',
    section: 'Debate',
    headline: 'Should voting be compulsory?',
    dek: 'Turnout, fines and the right to stay home.',
    body: 'Advocates say compulsory voting lifts turnout and makes candidates speak to every voter. Critics reply that fines for staying away from the polls weaken a free election.',
    tags: ['Voting', 'Democracy'],
  },
  {
    topic: 'election',
    section: 'World',
    headline: 'Election observers report long queues but few irregularities',
    dek: 'Monitors praise polling station staff.',
    body: 'International observers visited three hundred polling stations and found voters waited hours to cast ballots. They reported few irregularities in the count.',
    tags: ['Elections', 'Voting'],
  },
  {
    topic: 'election',
    section: 'Business',
    headline: 'Markets steady after the election result',
    dek: 'Investors welcome a clear winner.',
    body: 'Shares rose modestly once the electoral commission confirmed the winning candidate. Investors had feared a disputed election and weeks of recounted ballots.',
    tags: ['Elections', 'Markets'],
  },
  {
    topic: 'election',
    section: 'Asia',
    headline: 'Young voters drive turnout in regional elections',
    dek: 'First-time voters queue at campus polling stations.',
    body: 'Students registered in record numbers and turnout among young voters doubled. Candidates campaigned on housing and jobs to win their ballots.',
    tags: ['Voting', 'Elections'],
  },
  // Schools and teachers.
  {
    topic: 'schools',
    section: 'Debate',
    headline: 'Teachers strike over classroom sizes',
    dek: 'Schools close as the union walks out.',
    body: 'Thousands of teachers joined the strike, saying classes of forty pupils make teaching impossible. Parents kept children at home as schools shut for the day.',
    tags: ['Schools', 'Teachers'],
  },
  {
    topic: 'schools',
    section: 'World',
    headline: 'New curriculum puts reading first in primary schools',
    dek: 'Pupils will read aloud every morning.',
    body: 'Primary schools will spend the first hour of each day on reading. Teachers receive training this summer, and pupils who struggle get extra lessons.',
    tags: ['Schools', 'Education'],
  },
  {
    topic: 'schools',
    section: 'Asia',
    headline: 'Rural schools struggle to hire teachers',
    dek: 'Some classrooms have no teacher for months.',
    body: 'Village schools offer housing to attract teachers, yet many posts stay empty. Pupils share classrooms across grades while the education ministry recruits graduates.',
    tags: ['Teachers', 'Education'],
  },
  {
    topic: 'schools',
    section: 'Debate',
    headline: 'Should homework be banned for young pupils?',
    dek: 'Teachers and parents argue over evenings.',
    body: 'Some teachers say homework teaches young pupils little and tires them. Parents are split, and schools that dropped homework report happier classrooms.',
    tags: ['Schools', 'Education'],
  },
  {
    topic: 'schools',
    section: 'Business',
    headline: 'School building programme to add 200 classrooms',
    dek: 'Crowded schools get new wings.',
    body: 'The education budget pays for new classrooms at the most crowded schools. Head teachers say smaller classes will let pupils learn and teachers stay.',
    tags: ['Schools', 'Education'],
  },
  {
    topic: 'schools',
    section: 'World',
    headline: 'Exam results improve as schools add tutoring',
    dek: 'Pupils in small groups made the biggest gains.',
    body: 'Schools that gave pupils tutoring in small groups saw exam results rise. Teachers say the extra lessons helped pupils who fell behind during the closures.',
    tags: ['Education', 'Exams'],
  },
]
