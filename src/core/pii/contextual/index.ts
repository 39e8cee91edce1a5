import { normalizeSpoken } from '../spoken';
import { resolveOverlaps, type Finding } from '../types';
import { detectGenderSexuality, detectOccupations, detectPhysicalAttributes } from './attributes';
import { detectDates } from './dates';
import { detectEvents } from './events';
import { detectIds } from './ids';
import { detectLocations, detectOrigins } from './locations';
import { detectAges, detectMoney, detectTimes } from './money-time-age';
import { detectNames } from './names';

/**
 * Word-list and context detectors (DESIGN §7) for the entity types that have no checksum or
 * fixed format: names, ages, dates, times, locations, occupations, money, ids with context ...
 * Offsets are into `text`; of overlapping findings the higher score wins (an event's "Boston
 * Marathon" over the place "Boston", "Dr. Patel" over the name "Patel").
 *
 * Scores are chosen against the structured detectors (phone 0.8, card 0.85+, SSN 0.75+, DOB 0.9):
 * generic readings (numerical_pii 0.6, date 0.6, time 0.65, money 0.7) lose to them on the same
 * span; ids named by their own cue ("passport number ...") score 0.9.
 */
export function detectContextual(text: string): Finding[] {
  // One spoken-form normalization serves the id and ZIP code detectors.
  const normalized = normalizeSpoken(text);
  return resolveOverlaps([
    ...detectNames(text),
    ...detectLocations(text, normalized),
    ...detectOrigins(text),
    ...detectDates(text),
    ...detectTimes(text),
    ...detectMoney(text),
    ...detectAges(text),
    ...detectPhysicalAttributes(text),
    ...detectGenderSexuality(text),
    ...detectOccupations(text),
    ...detectEvents(text),
    ...detectIds(text, normalized),
  ]);
}
