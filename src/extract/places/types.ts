/**
 * @module extract/places/types
 * What the place index holds for a name, and a place found in a text.
 */

export interface PlaceEntry {
  iso2: string;
  city: string | null;
  population: number;
  /** Written in capitals only: "US" must not match the pronoun "us". */
  acronym: boolean;
  /** An adjective ("Italian"): evidence of the country for cities, never a place itself. */
  demonym?: boolean;
}

export interface PlaceMention {
  from: number;
  to: number;
  iso2: string;
  city: string | null;
  /** Written with an ending that says it was left ("Moszkvából"). */
  left?: true;
}
