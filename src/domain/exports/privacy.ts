/**
 * What exports may say about a person (protocol.md section 4: "center patient number,
 * pseudonymous; the registry is anonymized"). Records hold no names; a full birth date may be
 * recorded (for the age check) but exports give the birth YEAR only, which with the
 * pseudonymous number is what the source study's SPSS file needed.
 */
import type { RecordOfKind } from '../records/registry.ts';

/** Birth year: the recorded year, or the year of the full birth date. */
export function birthYearOf(p: RecordOfKind<'patient'>['payload']): number | null {
  if (p.birthYear !== undefined) return p.birthYear;
  return p.birthDate === undefined ? null : Number(p.birthDate.slice(0, 4));
}
