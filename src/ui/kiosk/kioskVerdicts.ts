import type { IdentifyOutcome, VerifyOutcome } from '../../app/decisions';
import type { Person } from '../../store';
import { notLiveText } from '../messages';

/** What the kiosk shows: a sentence that says the outcome, for people passing by. */
export interface KioskVerdict {
  accepted: boolean;
  text: string;
}

export function identifyVerdict(outcome: IdentifyOutcome): KioskVerdict {
  return outcome.kind === 'found'
    ? { accepted: true, text: `Identified: ${outcome.person.name}.` }
    : { accepted: false, text: 'Not recognised: nobody enrolled here matches this face.' };
}

export function verifyVerdict(person: Person, outcome: VerifyOutcome): KioskVerdict {
  if (outcome.kind === 're-enrol') {
    return {
      accepted: false,
      text: `${person.name} must be enrolled again before this kiosk can verify them. Ask a member of staff.`,
    };
  }
  if (outcome.kind === 'not-live') {
    return { accepted: false, text: `Not verified: ${notLiveText[outcome.reason]}` };
  }
  return outcome.accepted
    ? { accepted: true, text: `Verified: you are ${person.name}.` }
    : { accepted: false, text: `Not verified: this face does not match ${person.name}.` };
}
