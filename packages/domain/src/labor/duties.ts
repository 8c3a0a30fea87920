import { FIRST_VERSION_DATE } from './rules.ts';

/** Duties an employer can pick for a listing. The ids are stored, so never rename one. */
export const DUTY_IDS = [
  'cashier',
  'customer-service',
  'retail-stocking',
  'food-service-counter',
  'cooking',
  'baking',
  'dishwashing',
  'cleaning',
  'office',
  'childcare',
  'lifeguard',
  'lawn-care',
  'meat-slicer',
  'bakery-machines',
  'power-machinery',
  'freezer-cooler',
  'loading-trucks',
  'hoisting',
  'driving',
  'roofing',
  'demolition',
  'excavation',
  'power-saws',
  'woodworking-machines',
  'metal-forming',
  'paper-baler',
  'construction',
  'manufacturing',
  'warehouse',
  'boiler-room',
  'window-washing-outside',
  'slaughtering',
  'explosives',
  'mining',
  'logging',
  'radiation',
] as const;

export type DutyId = (typeof DUTY_IDS)[number];

/** A ban on a duty for workers below an age, as one dated version of the law. */
export interface DutyProhibition {
  /** Workers younger than this are not allowed to do the duty. */
  underAge: 15 | 16 | 18;
  /** 'federal' bans apply only to employers covered by the FLSA. */
  jurisdiction: 'ohio-and-federal' | 'federal';
  citation: string;
  /** First day the version is in force (YYYY-MM-DD). */
  effectiveFrom: string;
  /** Last day the version is in force (YYYY-MM-DD), or null while it still is. */
  effectiveTo: string | null;
}

/** A duty in the vocabulary, with the label employers and workers see. */
export interface Duty {
  id: DutyId;
  label: string;
  prohibitions: readonly DutyProhibition[];
}

// Work that OAC 4101:9-2-02 and 29 CFR 570.33 forbid for ages 14 and 15.
const UNDER_16: readonly DutyProhibition[] = [
  {
    underAge: 16,
    jurisdiction: 'ohio-and-federal',
    citation: 'OAC 4101:9-2-02; 29 CFR 570.33',
    effectiveFrom: FIRST_VERSION_DATE,
    effectiveTo: null,
  },
];

// Hazardous occupations that OAC 4101:9-2 and the federal Hazardous Occupations Orders forbid
// for everyone under 18.
const UNDER_18: readonly DutyProhibition[] = [
  {
    underAge: 18,
    jurisdiction: 'ohio-and-federal',
    citation: 'OAC 4101:9-2; 29 CFR 570 Subpart E',
    effectiveFrom: FIRST_VERSION_DATE,
    effectiveTo: null,
  },
];

// Federal Child Labor Regulation No. 3 lets 15-year-olds, but not 14-year-olds, work as
// lifeguards at swimming pools and water parks.
const LIFEGUARD_UNDER_15: readonly DutyProhibition[] = [
  {
    underAge: 15,
    jurisdiction: 'federal',
    citation: '29 CFR 570.31–570.38',
    effectiveFrom: FIRST_VERSION_DATE,
    effectiveTo: null,
  },
];

const NONE: readonly DutyProhibition[] = [];

function duty(id: DutyId, label: string, prohibitions: readonly DutyProhibition[]): Duty {
  return { id, label, prohibitions };
}

/** Every duty in the vocabulary, keyed by id. */
export const DUTIES: Readonly<Record<DutyId, Duty>> = {
  cashier: duty('cashier', 'Cashier', NONE),
  'customer-service': duty('customer-service', 'Customer service', NONE),
  'retail-stocking': duty('retail-stocking', 'Stocking shelves in a store', NONE),
  'food-service-counter': duty('food-service-counter', 'Food counter (taking orders, serving)', NONE),
  cooking: duty('cooking', 'Cooking (grills, fryers, stoves)', UNDER_16),
  baking: duty('baking', 'Baking', UNDER_16),
  dishwashing: duty('dishwashing', 'Dishwashing', NONE),
  cleaning: duty('cleaning', 'Indoor cleaning', NONE),
  office: duty('office', 'Office work', NONE),
  childcare: duty('childcare', 'Childcare', NONE),
  lifeguard: duty('lifeguard', 'Lifeguard at a swimming pool or water park', LIFEGUARD_UNDER_15),
  'lawn-care': duty('lawn-care', 'Lawn care with power mowers or trimmers', UNDER_16),
  'meat-slicer': duty('meat-slicer', 'Using a power-driven meat slicer', UNDER_18),
  'bakery-machines': duty('bakery-machines', 'Using power-driven bakery machines', UNDER_18),
  'power-machinery': duty('power-machinery', 'Operating power-driven machinery', UNDER_16),
  'freezer-cooler': duty('freezer-cooler', 'Working inside freezers or meat coolers', UNDER_16),
  'loading-trucks': duty('loading-trucks', 'Loading or unloading trucks or conveyors', UNDER_16),
  hoisting: duty('hoisting', 'Operating hoisting equipment (forklifts, cranes, lifts)', UNDER_18),
  // NOTE: federal law lets some 17-year-olds drive on public roads under narrow conditions.
  // Those conditions are not encoded, so driving is refused for every minor.
  driving: duty('driving', 'Driving a motor vehicle on public roads', UNDER_18),
  roofing: duty('roofing', 'Roofing', UNDER_18),
  demolition: duty('demolition', 'Demolition or wrecking', UNDER_18),
  excavation: duty('excavation', 'Excavation or trenching', UNDER_18),
  'power-saws': duty('power-saws', 'Using circular saws or band saws', UNDER_18),
  'woodworking-machines': duty('woodworking-machines', 'Using power woodworking machines', UNDER_18),
  'metal-forming': duty('metal-forming', 'Using metal forming, punching or shearing machines', UNDER_18),
  'paper-baler': duty('paper-baler', 'Using paper balers or trash compactors', UNDER_18),
  construction: duty('construction', 'Construction work', UNDER_16),
  manufacturing: duty('manufacturing', 'Manufacturing or processing goods', UNDER_16),
  warehouse: duty('warehouse', 'Warehouse work', UNDER_16),
  'boiler-room': duty('boiler-room', 'Working in a boiler or engine room', UNDER_16),
  'window-washing-outside': duty('window-washing-outside', 'Washing windows from outside', UNDER_16),
  slaughtering: duty('slaughtering', 'Slaughtering or meat packing', UNDER_18),
  explosives: duty('explosives', 'Working with explosives', UNDER_18),
  mining: duty('mining', 'Mining', UNDER_18),
  logging: duty('logging', 'Logging or sawmill work', UNDER_18),
  radiation: duty('radiation', 'Work with radioactive material or radiation', UNDER_18),
};

export function isDutyId(value: string): value is DutyId {
  return (DUTY_IDS as readonly string[]).includes(value);
}

/**
 * Returns the prohibitions of a duty in force on `date` that cover a worker aged `age`.
 * Federal-only bans are skipped when the employer is not covered by the FLSA.
 */
export function dutyProhibitionsFor(
  dutyId: DutyId,
  age: number,
  date: string,
  flsaCovered: boolean,
): DutyProhibition[] {
  return DUTIES[dutyId].prohibitions.filter(
    (prohibition) =>
      age < prohibition.underAge &&
      (flsaCovered || prohibition.jurisdiction !== 'federal') &&
      prohibition.effectiveFrom <= date &&
      (prohibition.effectiveTo === null || date <= prohibition.effectiveTo),
  );
}
