/**
 * @module registry
 * Countries, States Parties with dated membership, situations, Art. 12(3) declarations, UN Security
 * Council referrals, subjects with their names and offices, warrants with their status history, and
 * the historical record of trips and the Court's findings. Curated data in data/registry/.
 */
export type {
  Confidence,
  Declaration,
  Finding,
  IsoDate,
  Membership,
  MembershipFact,
  Office,
  OfficeKind,
  Referral,
  Situation,
  StatusChange,
  Subject,
  Trip,
  Warrant,
  WarrantStatus,
} from './schema.js';
export { isoDate } from './schema.js';
export type { Country } from './countries.js';
export type { Registry } from './registry.js';
export { RegistryDataError } from './errors.js';
export { defaultDataDir, loadRegistry, parseRegistryFile, readRegistryRecords } from './load.js';
export { buildRegistry } from './registry.js';
export { normalizeName, nameTokens } from './normalize.js';
export { findCountry, findSubject, type Lookup } from './lookup.js';
export { spellingsOf } from './spellings.js';
