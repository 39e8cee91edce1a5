/**
 * Place and origin words, lowercase; multi-word entries are joined by single spaces. US states, large
 * and state-capital US cities, world capitals and large cities, countries; nationality and ethnicity
 * words for `origin`.
 */

export const PLACES: ReadonlySet<string> = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'georgia', 'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine',
  'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada',
  'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio', 'oklahoma',
  'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas', 'utah',
  'vermont', 'virginia', 'washington', 'west virginia', 'wisconsin', 'wyoming', 'puerto rico',
  'district of columbia', 'new york city', 'los angeles', 'chicago', 'houston', 'phoenix', 'philadelphia',
  'san antonio', 'san diego', 'dallas', 'san jose', 'austin', 'munich', 'frankfurt', 'hamburg', 'cologne', 'lyon', 'marseille', 'venice', 'seville', 'valencia', 'porto', 'krakow', 'kyiv', 'kiev', 'beirut', 'tehran', 'baghdad', 'islamabad', 'kabul', 'shenzhen', 'guangzhou', 'chengdu', 'kuala lumpur', 'phnom penh', 'addis ababa', 'casablanca', 'tunis', 'medellin', 'cartagena', 'guayaquil', 'la paz', 'montevideo', 'san pedro sula', 'puebla', 'oaxaca', 'acapulco', 'juarez', 'ciudad juarez', 'liverpool', 'bristol', 'leeds', 'belfast', 'cardiff', 'jacksonville', 'fort worth', 'columbus', 'charlotte',
  'san francisco', 'indianapolis', 'seattle', 'denver', 'boston', 'el paso', 'nashville', 'detroit', 'oklahoma city',
  'portland', 'las vegas', 'memphis', 'louisville', 'baltimore', 'milwaukee', 'albuquerque', 'tucson', 'fresno',
  'sacramento', 'mesa', 'kansas city', 'atlanta', 'omaha', 'colorado springs', 'raleigh', 'long beach',
  'virginia beach', 'miami', 'oakland', 'minneapolis', 'tulsa', 'tampa', 'arlington', 'new orleans', 'wichita',
  'cleveland', 'bakersfield', 'aurora', 'anaheim', 'honolulu', 'santa ana', 'riverside', 'corpus christi',
  'lexington', 'stockton', 'henderson', 'saint paul', 'st paul', 'st louis', 'saint louis', 'cincinnati',
  'pittsburgh', 'greensboro', 'anchorage', 'plano', 'lincoln', 'orlando', 'irvine', 'newark', 'toledo', 'durham',
  'chula vista', 'fort wayne', 'jersey city', 'st petersburg', 'laredo', 'madison', 'chandler', 'buffalo', 'lubbock',
  'scottsdale', 'reno', 'glendale', 'gilbert', 'winston salem', 'north las vegas', 'norfolk', 'chesapeake',
  'garland', 'irving', 'hialeah', 'fremont', 'boise', 'richmond', 'baton rouge', 'spokane', 'des moines', 'tacoma',
  'san bernardino', 'modesto', 'fontana', 'santa clarita', 'birmingham', 'oxnard', 'fayetteville', 'moreno valley',
  'rochester', 'huntington beach', 'salt lake city', 'grand rapids', 'amarillo', 'yonkers', 'montgomery', 'akron',
  'little rock', 'huntsville', 'augusta', 'shreveport', 'knoxville', 'worcester', 'providence', 'fort lauderdale',
  'chattanooga', 'tempe', 'brownsville', 'savannah', 'syracuse', 'dayton', 'pasadena', 'hartford', 'springfield',
  'albany', 'trenton', 'harrisburg', 'annapolis', 'charleston', 'columbia', 'concord', 'dover', 'frankfort',
  'helena', 'jackson', 'jefferson city', 'juneau', 'lansing', 'montpelier', 'olympia', 'pierre', 'salem', 'santa fe',
  'tallahassee', 'topeka', 'cheyenne', 'bismarck', 'burlington', 'manchester', 'wilmington', 'naples', 'sarasota',
  'gainesville', 'pensacola', 'daytona beach', 'west palm beach', 'boca raton', 'palm springs', 'santa monica',
  'santa barbara', 'santa cruz', 'palo alto', 'berkeley', 'ann arbor', 'green bay', 'sioux falls', 'fargo', 'duluth',
  'evanston', 'naperville', 'schaumburg', 'brooklyn', 'queens', 'manhattan', 'the bronx', 'bronx', 'staten island',
  'long island', 'hoboken', 'cambridge', 'somerville', 'new haven', 'stamford', 'ithaca', 'scranton', 'allentown',
  'erie', 'camden', 'atlantic city', 'myrtle beach', 'asheville', 'greenville', 'spartanburg', 'mobile',
  'tuscaloosa', 'biloxi', 'galveston', 'waco', 'killeen', 'midland', 'odessa', 'abilene', 'mcallen', 'beaumont',
  'flagstaff', 'yuma', 'las cruces', 'provo', 'ogden', 'eugene', 'bend', 'boulder', 'fort collins', 'pueblo',
  'billings', 'missoula', 'bozeman', 'rapid city', 'sioux city', 'cedar rapids', 'davenport', 'peoria', 'rockford',
  'joliet', 'kalamazoo', 'flint', 'youngstown', 'canton', 'lancaster', 'reading', 'bethlehem', 'roanoke',
  'lynchburg', 'alexandria', 'fairfax', 'bethesda', 'silver spring', 'rockville', 'hagerstown', 'huntington',
  'morgantown', 'bowling green', 'murfreesboro', 'clarksville', 'jonesboro', 'tupelo', 'hattiesburg', 'lafayette',
  'lake charles', 'monroe', 'toronto', 'vancouver', 'montreal', 'calgary', 'ottawa', 'edmonton', 'winnipeg',
  'quebec', 'mexico city', 'guadalajara', 'monterrey', 'tijuana', 'cancun', 'london', 'paris', 'berlin', 'madrid',
  'barcelona', 'rome', 'milan', 'amsterdam', 'brussels', 'vienna', 'zurich', 'geneva', 'dublin', 'edinburgh',
  'glasgow', 'lisbon', 'athens', 'istanbul', 'moscow', 'warsaw', 'prague', 'budapest', 'stockholm', 'oslo',
  'copenhagen', 'helsinki', 'tokyo', 'osaka', 'kyoto', 'seoul', 'beijing', 'shanghai', 'hong kong', 'taipei',
  'singapore', 'bangkok', 'manila', 'jakarta', 'hanoi', 'ho chi minh city', 'saigon', 'mumbai', 'delhi', 'new delhi',
  'bangalore', 'bengaluru', 'chennai', 'hyderabad', 'kolkata', 'karachi', 'lahore', 'dhaka', 'dubai', 'abu dhabi',
  'doha', 'riyadh', 'tel aviv', 'jerusalem', 'cairo', 'lagos', 'nairobi', 'accra', 'johannesburg', 'cape town',
  'sydney', 'melbourne', 'brisbane', 'perth', 'auckland', 'buenos aires', 'sao paulo', 'rio de janeiro', 'lima',
  'bogota', 'santiago', 'caracas', 'quito', 'havana', 'san juan', 'santo domingo', 'kingston', 'port au prince',
  'san salvador', 'guatemala city', 'tegucigalpa', 'managua', 'panama city', 'united states',
  'united states of america', 'usa', 'uk', 'u.k', 'america', 'canada', 'mexico', 'guatemala', 'honduras', 'el salvador',
  'nicaragua', 'costa rica', 'panama', 'cuba', 'jamaica', 'haiti', 'dominican republic', 'bahamas', 'trinidad',
  'colombia', 'venezuela', 'ecuador', 'peru', 'bolivia', 'chile', 'argentina', 'uruguay', 'paraguay', 'brazil',
  'united kingdom', 'england', 'scotland', 'wales', 'ireland', 'northern ireland', 'great britain', 'france',
  'germany', 'spain', 'portugal', 'italy', 'netherlands', 'holland', 'belgium', 'switzerland', 'austria', 'poland',
  'czech republic', 'slovakia', 'hungary', 'romania', 'bulgaria', 'greece', 'serbia', 'croatia', 'bosnia', 'albania',
  'ukraine', 'russia', 'belarus', 'lithuania', 'latvia', 'estonia', 'finland', 'sweden', 'norway', 'denmark',
  'iceland', 'turkey', 'israel', 'palestine', 'lebanon', 'syria', 'jordan', 'iraq', 'iran', 'saudi arabia', 'yemen',
  'oman', 'qatar', 'kuwait', 'bahrain', 'united arab emirates', 'afghanistan', 'pakistan', 'india', 'bangladesh',
  'sri lanka', 'nepal', 'bhutan', 'myanmar', 'burma', 'thailand', 'laos', 'cambodia', 'vietnam', 'malaysia',
  'indonesia', 'philippines', 'china', 'taiwan', 'japan', 'south korea', 'north korea', 'korea', 'mongolia',
  'kazakhstan', 'uzbekistan', 'armenia', 'azerbaijan', 'egypt', 'libya', 'tunisia', 'algeria', 'morocco', 'sudan',
  'ethiopia', 'eritrea', 'somalia', 'kenya', 'uganda', 'tanzania', 'rwanda', 'congo', 'nigeria', 'ghana', 'senegal',
  'mali', 'niger', 'chad', 'cameroon', 'ivory coast', 'liberia', 'sierra leone', 'angola', 'zambia', 'zimbabwe',
  'mozambique', 'south africa', 'namibia', 'botswana', 'madagascar', 'australia', 'new zealand', 'fiji', 'samoa',
  'tonga', 'guam',
]);

/** Places that are also names or ordinary words ("Georgia", "turkey", "reading"): only after a place cue. */
export const AMBIGUOUS_PLACES: ReadonlySet<string> = new Set([
  'uk', 'u.k', 'usa',
  'america', 'arlington', 'augusta', 'aurora', 'austin', 'bend', 'brooklyn', 'buffalo', 'burlington', 'camden',
  'canton', 'chad', 'chandler', 'charlotte', 'china', 'columbia', 'columbus', 'concord', 'dallas', 'dover', 'erie',
  'eugene', 'florence', 'garland', 'georgia', 'gilbert', 'guinea', 'helena', 'henderson', 'holland', 'houston',
  'huntington', 'independence', 'irving', 'jackson', 'jordan', 'kingston', 'lafayette', 'lancaster', 'lawrence',
  'lima', 'lincoln', 'madison', 'manchester', 'marshall', 'mesa', 'midland', 'mobile', 'monroe', 'montgomery',
  'nice', 'niger', 'norman', 'orange', 'paris', 'phoenix', 'pierre', 'plano', 'reading', 'richmond', 'salem',
  'santiago', 'savannah', 'sydney', 'troy', 'turkey', 'tyler', 'victoria', 'virginia', 'wales',
  'warren', 'washington',
]);

/** US state abbreviations, accepted in upper case after "City, " or before a ZIP code. */
export const STATE_CODES: ReadonlySet<string> = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
  'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA',
  'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR',
]);

/** Multi-word origins also come hyphenated: "Mexican-American". */
const withHyphens = (phrases: readonly string[]): string[] => [...phrases, ...phrases.filter((p) => p.includes(' ')).map((p) => p.replace(/ /g, '-'))];

export const ORIGINS: ReadonlySet<string> = new Set(withHyphens([
  'american', 'african american', 'black', 'white', 'caucasian', 'hispanic', 'latino', 'latina', 'latinx', 'asian',
  'asian american', 'native american', 'pacific islander', 'middle eastern', 'indigenous', 'european', 'african',
  'mexican', 'mexican american', 'guatemalan', 'honduran', 'salvadoran', 'salvadorian', 'nicaraguan', 'costa rican',
  'panamanian', 'cuban', 'cuban american', 'jamaican', 'haitian', 'dominican', 'puerto rican', 'trinidadian',
  'colombian', 'venezuelan', 'ecuadorian', 'peruvian', 'bolivian', 'chilean', 'argentinian', 'argentine',
  'uruguayan', 'paraguayan', 'brazilian', 'canadian', 'british', 'english', 'scottish', 'welsh', 'irish',
  'irish american', 'french', 'german', 'spanish', 'portuguese', 'italian', 'italian american', 'dutch', 'belgian',
  'swiss', 'austrian', 'polish', 'czech', 'slovak', 'hungarian', 'romanian', 'bulgarian', 'greek', 'serbian',
  'croatian', 'bosnian', 'albanian', 'ukrainian', 'russian', 'lithuanian', 'latvian', 'estonian', 'finnish',
  'swedish', 'norwegian', 'danish', 'icelandic', 'turkish', 'israeli', 'jewish', 'palestinian', 'lebanese', 'syrian',
  'jordanian', 'iraqi', 'iranian', 'persian', 'saudi', 'yemeni', 'arab', 'arabic', 'kurdish', 'afghan', 'pakistani',
  'indian', 'indian american', 'bangladeshi', 'sri lankan', 'nepali', 'nepalese', 'burmese', 'thai', 'lao',
  'laotian', 'hmong', 'cambodian', 'khmer', 'vietnamese', 'malaysian', 'indonesian', 'filipino', 'filipina',
  'chinese', 'chinese american', 'taiwanese', 'japanese', 'japanese american', 'korean', 'korean american',
  'mongolian', 'kazakh', 'uzbek', 'armenian', 'azerbaijani', 'egyptian', 'libyan', 'tunisian', 'algerian',
  'moroccan', 'sudanese', 'ethiopian', 'eritrean', 'somali', 'kenyan', 'ugandan', 'tanzanian', 'rwandan',
  'congolese', 'nigerian', 'ghanaian', 'senegalese', 'malian', 'cameroonian', 'liberian', 'sierra leonean',
  'angolan', 'zambian', 'zimbabwean', 'south african', 'australian', 'new zealander', 'fijian', 'samoan', 'tongan',
  'hawaiian', 'native hawaiian', 'cherokee', 'navajo', 'sioux', 'apache', 'choctaw', 'ojibwe', 'inuit', 'roma',
  'creole', 'cajun', 'multiracial', 'biracial', 'mixed race',
]));

/** The longest entry, in words: phrase look-ups try this many words and fewer. */
export const MAX_PHRASE_WORDS = 5;
