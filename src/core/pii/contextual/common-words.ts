/**
 * Ordinary words that follow name cues in calls ("this is great", "my name is not ...", "the doctor
 * said ..."): a word here is never taken as a name, unless it is capitalised and also a listed name
 * ("Bill", "May").
 */
export const NOT_NAMES: ReadonlySet<string> = new Set([
  'um', 'uh', 'er', 'erm', 'ah', 'hmm', 'mm', 'nonbinary', 'non-binary', 'transgender', 'trans', 'queer', 'gay', 'lesbian',
  'bisexual', 'asexual', 'pansexual', 'genderfluid', 'agender', 'cisgender', 'a', 'an', 'the', 'this', 'that', 'these', 'those', 'there', 'here', 'it', 'its', 'i', 'me', 'my', 'mine', 'you',
  'your', 'yours', 'we', 'us', 'our', 'he', 'him', 'his', 'she', 'her', 'they', 'them', 'their', 'who', 'whom',
  'whose', 'what', 'which', 'when', 'where', 'why', 'how', 'and', 'or', 'but', 'so', 'if', 'then', 'than', 'because',
  'as', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'about', 'into', 'over', 'after', 'before',
  'under', 'between', 'through', 'during', 'without', 'within', 'up', 'down', 'out', 'off', 'again', 'just', 'only',
  'also', 'not', 'no', 'yes', 'yeah', 'yep', 'nope', 'ok', 'okay', 'is', 'am', 'are', 'was', 'were', 'be', 'been',
  'being', 'do', 'does', 'did', 'done', 'have', 'has', 'had', 'having', 'will', 'would', 'shall', 'should', 'can',
  'could', 'may', 'might', 'must', 'going', 'gonna', 'wanna', 'gotta', 'calling', 'speaking', 'talking', 'trying',
  'looking', 'waiting', 'checking', 'reaching', 'following', 'asking', 'wondering', 'hoping', 'getting', 'doing',
  'saying', 'sure', 'great', 'good', 'fine', 'well', 'right', 'correct', 'wrong', 'happy', 'glad', 'sorry', 'afraid',
  'interested', 'now', 'today', 'tomorrow', 'yesterday', 'tonight', 'still', 'already', 'really', 'very', 'quite',
  'pretty', 'much', 'many', 'more', 'most', 'some', 'any', 'all', 'every', 'each', 'other', 'another', 'same',
  'such', 'own', 'few', 'little', 'lot', 'lots', 'hello', 'hi', 'hey', 'thanks', 'thank', 'please', 'welcome', 'bye',
  'goodbye', 'sir', 'madam', 'maam', 'ma\'am', 'mister', 'miss', 'name', 'number', 'phone', 'account', 'card',
  'address', 'email', 'order', 'call', 'line', 'department', 'office', 'team', 'support', 'service', 'customer',
  'agent', 'representative', 'manager', 'supervisor', 'help', 'question', 'issue', 'problem', 'new', 'old', 'big',
  'small', 'long', 'short', 'high', 'low', 'next', 'last', 'first', 'second', 'third', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'said', 'says', 'told', 'asked', 'called', 'wants', 'wanted',
  'thinks', 'thought', 'recommended', 'prescribed', 'ordered', 'sent', 'gave', 'wrote', 'referred', 'suggested',
  'visit', 'appointment', 'note', 'notes', 'report', 'visits', 'actually', 'basically', 'probably', 'definitely',
  'absolutely', 'exactly', 'honestly', 'maybe', 'get', 'got', 'go', 'went', 'come', 'came', 'see', 'saw', 'know',
  'knew', 'think', 'need', 'needed', 'want', 'like', 'make', 'made', 'take', 'took', 'let', 'give', 'tell', 'ask',
  'check', 'pay', 'paid', 'bill', 'billed', 'charge', 'charged', 'send', 'find', 'found', 'keep', 'try', 'use',
  'work', 'unable', 'able', 'available', 'ready', 'busy', 'back', 'away', 'home', 'online', 'never', 'always',
  'usually', 'sometimes', 'often', 'ever', 'mom', 'dad', 'mother', 'father', 'wife', 'husband', 'son', 'daughter',
  'brother', 'sister', 'friend', 'family', 'kids', 'kid', 'child', 'children', 'street', 'avenue', 'road', 'drive',
  'lane', 'boulevard', 'court', 'way', 'place', 'county', 'city', 'center', 'centre', 'hospital', 'clinic', 'bank',
  'university', 'college', 'school', 'church', 'inc', 'llc', 'corp', 'company', 'group', 'insurance', 'pharmacy',
  'medical', 'health', 'whenever', 'whatever', 'however', 'anyway', 'anytime', 'later', 'soon', 'around',
]);
