import type { Finding, PiiType } from '../types';
import { longestPhrase } from './locations';
import { QUANTITY } from './money-time-age';
import { BELOW_HUNDRED, HAS_NUMBER } from './numbers-in-words';
import { finding, words } from './shared';

/** What a person says about themselves: gender and sexuality, physical attributes, occupation. */

function collect(text: string, patterns: readonly RegExp[], type: PiiType, score: number, out: Finding[] = []): Finding[] {
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      if (!out.some((f) => f.start < end && m.index < f.end)) out.push(finding(text, type, m.index, end, score));
    }
  }
  return out;
}

// ---- gender and sexuality ----------------------------------------------------------------------

const SELF_CUE = "\\b(?<=\\b(?:i'?m|i am|he'?s|she'?s|he is|she is|they'?re|they are|identify as|identifies as|(?:gender|sex)(?: on (?:file|the account|record))?(?:'s| is| to| as|:)|as) (?:an? |also |openly |actually )?)";
/** Said of a person, these are always about gender or sexuality. */
const DISTINCT_GENDER =
  /\b(?:non[- ]?binary|transgender|trans (?:woman|man|male|female)|gay|lesbian|bisexual|pansexual|asexual|queer|cisgender|cis (?:woman|man|male|female)|genderqueer|gender[- ]?fluid|intersex|agender|two[- ]spirit|heterosexual|homosexual|lgbtq\+?)\b/gi;
/** Ordinary words too ("a man of my word", "straight ahead"): only after "I'm", "identify as", "gender is". */
const SELF_GENDER = new RegExp(
  `${SELF_CUE}(?:male|female|man|woman|straight|bi|trans)(?=\\s*(?:[.,!?;]|$|and\\b|but\\b|so\\b|on\\b|in\\b|for\\b))`,
  'gi',
);
const PRONOUNS = /\b(?:she\/her|he\/him|they\/them|she\/they|he\/they)(?:\/(?:hers|his|theirs))?\b|\b(?<=\bpronouns are )(?:she|he|they)[ /](?:her|him|them)\b/gi;

export function detectGenderSexuality(text: string): Finding[] {
  return collect(text, [DISTINCT_GENDER, PRONOUNS, SELF_GENDER], 'gender_sexuality', 0.75);
}

// ---- physical attributes -----------------------------------------------------------------------

const HEIGHT_CUE = "\\b(?<=\\b(?:i'?m|i am|he'?s|she'?s|he is|she is|height is|height of|stand|stands|about|around|measure|measures|tall,?) )";
const PHYSICAL_PATTERNS: readonly RegExp[] = [
  // 5'10", 6' 2''
  /\b[4-7]' ?(?:1[01]|\d)(?:"|''|”)?(?!\d)/g,
  // five foot ten, 6 feet 2 inches, six feet tall
  // (a bare "six feet" is a height only after "I'm", "height": "the box is six feet wide" is not)
  new RegExp(
    `\\b(?:[4-7]|four|five|six|seven) (?:foot|feet|ft\\.?)(?: (?:and )?(?:1[01]|\\d|${BELOW_HUNDRED})\\b(?: inch(?:es)?)?(?: tall)?| tall)\\b|${HEIGHT_CUE}(?:[4-7]|four|five|six|seven) (?:foot|feet|ft\\.?)(?!\\w)`,
    'gi',
  ),
  // I'm five three, she's 5 2: feet and inches without units, after "I'm"
  new RegExp(`\\b(?<=\\b(?:i'?m|i am|he'?s|she'?s|he is|she is) (?:only |about |like |around )?)(?:[4-6]|four|five|six) (?:1[01]|\\d|${BELOW_HUNDRED})(?=\\s*(?:[.,!?;]|$|and\\b|but\\b|so\\b|tall\\b))`, 'gi'),
  // 180 cm tall, I'm 175 centimeters
  new RegExp(`${HEIGHT_CUE}\\d{3} ?(?:cm|centimeters)\\b|\\b\\d{3} ?(?:cm|centimeters) tall\\b`, 'gi'),
  // I weigh 180 pounds, weight is two hundred lbs, I'm 80 kilos
  new RegExp(
    `\\b(?<=\\b(?:weigh|weighs|weighed|weighing|weight is|weight|i'?m|i am|he'?s|she'?s|he is|she is)(?: about| around| like| roughly| approximately| maybe)? )${QUANTITY} ?(?:pounds|lbs?|kilos|kg|kilograms)\\b`,
    'gi',
  ),
  // blue eyes, hazel-eyed, brown hair, short curly gray hair
  /\b(?<=\b(?:have|has|had|got|with|i've got|(?:hair|eyes|beard),? and) (?:(?:really|very|long|short|pretty|beautiful|bright|natural|dyed)\s+)?)(?:(?:blonde?|brunette|red|auburn|brown|black|gr[ae]y|white|silver|dark|light|curly|straight|wavy|long|short|thin|thick|shaved|bleached|blue|green|hazel)[ ,-]+){1,3}(?:hair|eyes|beard|mustache|moustache)\b/gi,
  /\b(?:blue|brown|green|hazel|gr[ae]y|dark)[- ]eyed\b/gi,
  /\b(?<=\b(?:my|his|her) (?:hair|eyes) (?:is|are) (?:(?:really|very|kind of|naturally|now) )?)(?:blonde?|brunette|red|auburn|brown|black|gr[ae]y|white|silver|dark|light|curly|straight|wavy|blue|green|hazel)\b/gi,
  // I'm bald, she's petite, I'm in a wheelchair
  /\b(?<=\b(?:i'?m|i am|he'?s|she'?s|he is|she is) (?:(?:very|pretty|really|kind of|quite|a bit|a little|completely) )?)(?:bald|overweight|obese|underweight|skinny|slim|petite|heavyset|stocky|tall|short|pregnant|in a wheelchair|blind|deaf|left[- ]handed)(?=\s*(?:[.,!?;]|$|and\b|but\b|so\b|now\b))/gi,
  // a tattoo on my left arm, a scar on his cheek
  /\b(?:tattoos?|scars?|birthmarks?|piercings?) on (?:my|his|her) (?:(?:left|right|upper|lower) )?[a-z]+\b/gi,
];

/** Without a number or one of these words no physical pattern can match. */
const PHYSICAL_WORD = /hair|eye|beard|mustache|moustache|bald|weigh|tall|short|skinny|slim|petite|heavy|stocky|obese|pregnant|wheelchair|blind|deaf|handed|tattoo|scar|birthmark|piercing|'/i;

export function detectPhysicalAttributes(text: string): Finding[] {
  if (!HAS_NUMBER.test(text) && !PHYSICAL_WORD.test(text)) return [];
  return collect(text, PHYSICAL_PATTERNS, 'physical_attribute', 0.75);
}

// ---- occupation --------------------------------------------------------------------------------

const OCCUPATIONS: ReadonlySet<string> = new Set(
  `teacher|school teacher|high school teacher|elementary school teacher|substitute teacher|professor|teaching assistant|tutor|principal|
nurse|registered nurse|nurse practitioner|doctor|physician|surgeon|dentist|pharmacist|paramedic|emt|medical assistant|nursing assistant|
certified nursing assistant|cna|caregiver|home health aide|physical therapist|occupational therapist|therapist|dental hygienist|
veterinarian|vet tech|engineer|software engineer|software developer|developer|programmer|web developer|data scientist|data analyst|
mechanical engineer|civil engineer|electrical engineer|architect|accountant|bookkeeper|auditor|financial advisor|banker|bank teller|
teller|lawyer|attorney|paralegal|judge|police officer|cop|detective|sheriff|deputy|firefighter|fireman|security guard|soldier|
marine|sailor|pilot|flight attendant|truck driver|bus driver|delivery driver|uber driver|driver|mechanic|electrician|plumber|
carpenter|contractor|general contractor|construction worker|welder|roofer|painter|landscaper|gardener|farmer|rancher|chef|cook|
line cook|baker|butcher|bartender|waiter|waitress|server|barista|cashier|store manager|manager|sales manager|project manager|
office manager|salesman|saleswoman|sales rep|sales representative|real estate agent|realtor|insurance agent|broker|consultant|
analyst|secretary|receptionist|administrative assistant|office assistant|assistant|clerk|librarian|journalist|reporter|writer|
editor|author|photographer|graphic designer|designer|artist|musician|actor|actress|dancer|social worker|counselor|psychologist|
pastor|priest|minister|rabbi|janitor|custodian|housekeeper|maid|nanny|babysitter|hairdresser|hairstylist|stylist|barber|
cosmetologist|massage therapist|personal trainer|coach|student|college student|grad student|graduate student|intern|
stay at home mom|stay at home dad|stay-at-home mom|stay-at-home dad|homemaker|retiree|entrepreneur|business owner|small business owner|ceo|executive|
warehouse worker|factory worker|machinist|technician|it technician|lab technician|pharmacy technician|scientist|researcher|
postal worker|mail carrier|mailman|customer service representative|call center agent|dispatcher|logistics coordinator`
    .split('|')
    .map((s) => s.trim()),
);
/** "I'm a nurse", "she works as a paralegal", "my occupation is teacher", "I'm a retired teacher". */
const OCCUPATION_CUE =
  /(?:\b(?:retired|former)|\b(?:i'?m|i am|he'?s|she'?s|he is|she is|they'?re|you'?re|you are|\w+'s|i was|he was|she was|i've been|i have been|is|was|worked|work|works|working|job|employed|career|position|living|studying to be|trained)\s+(?:as\s+)?(?:an?|the)|\b(?:work(?:s|ed|ing)?|job|employed|career|position|living)\s+as|\b(?:occupation|profession|job title|job)\s+(?:is|was|:))\s+(?:(?:retired|former|licensed|certified|part[- ]time|full[- ]time|self[- ]employed|freelance|senior|junior|head|lead|local)\s+)*$/i;

export function detectOccupations(text: string): Finding[] {
  const ws = words(text);
  const out: Finding[] = [];
  for (let i = 0; i < ws.length; i++) {
    const hit = longestPhrase(text, ws, i, OCCUPATIONS);
    let first = ws[i];
    const last = hit ? ws[hit.last] : undefined;
    if (!hit || !first || !last) continue;
    let before = text.slice(Math.max(0, first.start - 60), first.start);
    // "a night shift nurse", "a school bus driver": up to two describing words between the cue and the job.
    for (let back = 1; back <= 2 && !OCCUPATION_CUE.test(before); back++) {
      const modifier = ws[i - back];
      if (!modifier || !/^[a-z-]+$/i.test(modifier.word) || /^(?:an?|the|is|was|as|i'?m)$/i.test(modifier.word)) break;
      const candidate = text.slice(Math.max(0, modifier.start - 60), modifier.start);
      if (OCCUPATION_CUE.test(candidate)) {
        first = modifier;
        before = candidate;
      }
    }
    if (!OCCUPATION_CUE.test(before)) continue;
    out.push(finding(text, 'occupation', first.start, last.end, 0.7));
    i = hit.last;
  }
  return out;
}
