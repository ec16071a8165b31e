import { badInput } from '../../errors.js';

export const MINIMUM_AGE = 16;

export interface AgeEvidence {
  birthDate?: Date | null;
  confirmAge16OrOlder?: boolean | null;
}

function ageOn(birthDate: Date, today: Date): number {
  let age = today.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    today.getUTCMonth() < birthDate.getUTCMonth() || (today.getUTCMonth() === birthDate.getUTCMonth() && today.getUTCDate() < birthDate.getUTCDate());
  if (beforeBirthday) age -= 1;
  return age;
}

/** Kith is not for anyone under 16: a birth date or an explicit confirmation is required. */
export function assertOldEnough(evidence: AgeEvidence, today = new Date()): void {
  if (evidence.birthDate) {
    const age = ageOn(evidence.birthDate, today);
    if (age < 0 || age > 130) throw badInput('Enter a real birth date.', 'birthDate');
    if (age < MINIMUM_AGE) throw badInput(`Kith is only for people aged ${MINIMUM_AGE} or older.`, 'birthDate');
    return;
  }
  if (evidence.confirmAge16OrOlder !== true) {
    throw badInput(`Confirm that you are ${MINIMUM_AGE} or older, or give your birth date.`, 'confirmAge16OrOlder');
  }
}
