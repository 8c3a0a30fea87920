// The duty vocabulary of the labor engine (DUTIES in @clockin/domain), grouped by the youngest
// age that may do each duty. The web app cannot import the domain package, whose modules use
// .ts import paths that this app's compiler settings reject, so e2e/labor.test.ts checks that
// this copy has the same ids, labels and ages as the domain's.

export interface DutyOption {
  id: string;
  label: string;
}

export interface DutyGroup {
  /** Youngest age that may do every duty in the group under Ohio and federal law. */
  youngestAge: 15 | 16 | 18;
  legend: string;
  hint: string;
  /** Laws that bar younger workers from the group's duties, or null when none do at 15. */
  citation: string | null;
  duties: readonly DutyOption[];
}

export const DUTY_GROUPS: readonly DutyGroup[] = [
  {
    youngestAge: 15,
    legend: 'Everyday tasks (any student from 15)',
    // Federal law bars 14-year-olds from lifeguarding, but ClockIn's youngest students are 15.
    hint: 'Store, counter, office and care work that the law allows from age 15.',
    citation: null,
    duties: [
      { id: 'cashier', label: 'Cashier' },
      { id: 'customer-service', label: 'Customer service' },
      { id: 'retail-stocking', label: 'Stocking shelves in a store' },
      { id: 'food-service-counter', label: 'Food counter (taking orders, serving)' },
      { id: 'dishwashing', label: 'Dishwashing' },
      { id: 'cleaning', label: 'Indoor cleaning' },
      { id: 'office', label: 'Office work' },
      { id: 'childcare', label: 'Childcare' },
      { id: 'lifeguard', label: 'Lifeguard at a swimming pool or water park' },
    ],
  },
  {
    youngestAge: 16,
    legend: 'Tasks for ages 16 and older',
    hint: 'Choosing one of these rules out 15-year-olds.',
    citation: 'OAC 4101:9-2-02; 29 CFR 570.33',
    duties: [
      { id: 'cooking', label: 'Cooking (grills, fryers, stoves)' },
      { id: 'baking', label: 'Baking' },
      { id: 'lawn-care', label: 'Lawn care with power mowers or trimmers' },
      { id: 'power-machinery', label: 'Operating power-driven machinery' },
      { id: 'freezer-cooler', label: 'Working inside freezers or meat coolers' },
      { id: 'loading-trucks', label: 'Loading or unloading trucks or conveyors' },
      { id: 'construction', label: 'Construction work' },
      { id: 'manufacturing', label: 'Manufacturing or processing goods' },
      { id: 'warehouse', label: 'Warehouse work' },
      { id: 'boiler-room', label: 'Working in a boiler or engine room' },
      { id: 'window-washing-outside', label: 'Washing windows from outside' },
    ],
  },
  {
    youngestAge: 18,
    legend: 'Hazardous tasks (18 and older only)',
    hint: 'Choosing one of these rules out every student under 18.',
    citation: 'OAC 4101:9-2; 29 CFR 570 Subpart E',
    duties: [
      { id: 'meat-slicer', label: 'Using a power-driven meat slicer' },
      { id: 'bakery-machines', label: 'Using power-driven bakery machines' },
      { id: 'hoisting', label: 'Operating hoisting equipment (forklifts, cranes, lifts)' },
      { id: 'driving', label: 'Driving a motor vehicle on public roads' },
      { id: 'roofing', label: 'Roofing' },
      { id: 'demolition', label: 'Demolition or wrecking' },
      { id: 'excavation', label: 'Excavation or trenching' },
      { id: 'power-saws', label: 'Using circular saws or band saws' },
      { id: 'woodworking-machines', label: 'Using power woodworking machines' },
      { id: 'metal-forming', label: 'Using metal forming, punching or shearing machines' },
      { id: 'paper-baler', label: 'Using paper balers or trash compactors' },
      { id: 'slaughtering', label: 'Slaughtering or meat packing' },
      { id: 'explosives', label: 'Working with explosives' },
      { id: 'mining', label: 'Mining' },
      { id: 'logging', label: 'Logging or sawmill work' },
      { id: 'radiation', label: 'Work with radioactive material or radiation' },
    ],
  },
];

const DUTY_BY_ID = new Map(
  DUTY_GROUPS.flatMap((group) =>
    group.duties.map((duty) => [duty.id, { ...duty, youngestAge: group.youngestAge }] as const),
  ),
);

export const DUTY_IDS: readonly string[] = [...DUTY_BY_ID.keys()];

export function isKnownDuty(id: string): boolean {
  return DUTY_BY_ID.has(id);
}

/** Returns the label employers and students see, or the id itself for a duty this copy lacks. */
export function dutyLabel(id: string): string {
  return DUTY_BY_ID.get(id)?.label ?? id;
}

/** Returns whether a duty is banned for everyone under 18. */
export function isHazardousDuty(id: string): boolean {
  return DUTY_BY_ID.get(id)?.youngestAge === 18;
}
