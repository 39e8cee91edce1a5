/**
 * What the scripted calls say: a dental office's voice agent and its callers. Hosts are single
 * long sentences (commas only: espeak pauses ~300 ms at a full stop, ~140 ms at a comma), so
 * an interruption or a backchannel placed a second or two in falls inside continuous speech.
 */

export const AGENT_TURNS = [
  'Thanks for calling Riverside Dental, this is Ava. How can I help you today?',
  'Sure, I can help with that. Can I have your full name, please?',
  'Thank you. And what is your date of birth?',
  'I found your record. Which day works best for you?',
  'We have an opening on Tuesday at ten in the morning.',
  'Great, you are booked for Tuesday at ten. Is there anything else?',
  'Of course. Could you spell your last name for me?',
  'Your appointment is confirmed, and you will get a text reminder the day before.',
  'Is the phone number ending in four five two still the best way to reach you?',
  'I have updated your address on file.',
  'Yes, we accept most major insurance plans.',
  'Thanks for calling, have a great day.',
];

export const AGENT_HOLD = 'Let me check that for you, one moment please.';
export const AGENT_AFTER_HOLD = 'Thanks for waiting. I can see your last visit was in October.';

export const AGENT_LONG = [
  'I can see two openings next week, one on Tuesday morning at nine thirty and another on Thursday afternoon at a quarter past two',
  'Before we book anything I need to confirm a few details about your insurance plan, including the member number and the name of the primary holder',
  'Our office is open from eight in the morning until six in the evening on weekdays, and from nine until one on Saturdays',
  'To reschedule an appointment you can call us at least a day ahead, or use the patient portal on our website at any time of the day',
  'The cleaning usually takes about forty five minutes, and the hygienist will also take a fresh set of x rays if your last ones are more than a year old',
];

export const USER_TURNS = [
  'Hi, I need to book a cleaning.',
  'It is Jordan Miller.',
  'March fourth, nineteen eighty seven.',
  'Tuesday would be perfect.',
  'Yes, that number is fine.',
  'Can I come in later in the afternoon instead?',
  'No, that is everything, thank you.',
  'I moved recently, so my address has changed.',
  'Do you take Blue Shield insurance?',
  'How long will the visit take?',
];

export const USER_LONG = [
  'I was hoping to come in sometime next week because I have been having some sensitivity on the left side whenever I drink something cold',
  'My insurance changed at the start of the year, so I am not sure whether the new plan covers cleanings twice a year or only once',
  'I usually work until five on weekdays, so an appointment late in the afternoon or early on a Saturday morning would be the easiest for me',
  'Last time I was there the parking lot was full, so I had to park on the street and I ended up arriving almost fifteen minutes late',
];

/** Interruptions: whole sentences, longer than any scripted overlap, so the interrupter keeps the floor. */
export const USER_INTERRUPTIONS = [
  'Sorry, can I stop you there for a second, I have a quick question?',
  'Wait, actually, Thursday would work much better for me.',
  'Hold on, I think the number you have is the wrong one.',
  'Sorry to cut in, but I only have a minute before my next meeting.',
];

export const AGENT_INTERRUPTIONS = [
  'Sorry to interrupt, could you repeat your date of birth for me?',
  'Let me stop you there, I can check that for you right now.',
  'I am sorry, I did not catch that last part, could you say it again?',
];

export const BACKCHANNELS = ['uh-huh', 'mm-hmm', 'yeah'];

/** espeak-ng voices used for the speakers (language voices and +variants). */
export const VOICES = ['en-us', 'en-gb', 'en-us+f3', 'en-gb-scotland', 'en-gb+f4', 'en-us+m3'];
