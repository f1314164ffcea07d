/**
 * Center configuration of a protocol whose doses are not published (S-ketamine, protocol.md
 * section 3: "the app must support a second protocol definition whose doses and concentration
 * the center enters itself, never guessed"). Configuring never edits the template: it returns
 * a new frozen definition with a new version string, so sessions keep pointing at the exact
 * version they ran under.
 */
import { fail, ok, type Result } from './result.ts';
import type { DoseLimits } from './settings.ts';
import { parseQuantity, mg, mgPerMl } from './units.ts';
import type { DrugProduct, ProtocolDefinition } from './protocols/types.ts';

export type ProtocolConfigInput = {
  /** New version string, semantic version `major.minor.patch`, different from the template's. */
  readonly version: string;
  /** Session 1 test dose, in mg (typed by the center: parsed, never coerced). */
  readonly testDoseMg: unknown;
  /** Session 2 onward full dose, in mg. */
  readonly fullDoseMg: unknown;
  /** The vial on the shelf: id, printed name, concentration in mg/mL. */
  readonly product: {
    readonly id: string;
    readonly name: string;
    readonly concentrationMgPerMl: unknown;
  };
};

const SEMVER = /^\d+\.\d+\.\d+$/;
const PRODUCT_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * Validates center-entered S-ketamine doses (mg, positive, finite, test <= full, full <= the
 * ketamine hard maximum of the center limits) and the product (id, name, concentration in
 * mg/mL, positive, finite), and returns a new frozen protocol definition built on `template`.
 */
export function configureProtocol(
  template: ProtocolDefinition,
  input: ProtocolConfigInput,
  limits: Pick<DoseLimits, 'ketamineHardMaxMg'>,
): Result<ProtocolDefinition> {
  if (typeof input.version !== 'string' || !SEMVER.test(input.version)) {
    return fail(
      'invalid-choice',
      'version',
      'Give the new protocol version as three numbers, e.g. 1.0.0.',
      'Geef de nieuwe protocolversie als drie getallen, bv. 1.0.0.',
    );
  }
  if (input.version === template.version) {
    return fail(
      'invalid-choice',
      'version',
      `Version ${input.version} is the template's own; choose a new version.`,
      `Versie ${input.version} is die van het sjabloon zelf; kies een nieuwe versie.`,
    );
  }
  const test = parseQuantity(input.testDoseMg, {
    field: 'testDoseMg',
    label: 'Test dose (session 1)',
    labelNl: 'Testdosis (sessie 1)',
    unit: 'mg',
  });
  if (!test.ok) return test;
  const full = parseQuantity(input.fullDoseMg, {
    field: 'fullDoseMg',
    label: 'Full dose (session 2 on)',
    labelNl: 'Volle dosis (vanaf sessie 2)',
    unit: 'mg',
  });
  if (!full.ok) return full;
  if (test.value > full.value) {
    return fail(
      'implausible',
      'testDoseMg',
      `The test dose (${test.value} mg) is larger than the full dose (${full.value} mg); check both doses.`,
      `De testdosis (${test.value} mg) is groter dan de volle dosis (${full.value} mg); controleer beide dosissen.`,
    );
  }
  if (full.value > limits.ketamineHardMaxMg) {
    return fail(
      'above-hard-limit',
      'fullDoseMg',
      `The full dose ${full.value} mg is above the center's hard maximum of ${limits.ketamineHardMaxMg} mg per session; check the dose or the limit in settings.`,
      `De volle dosis ${full.value} mg ligt boven het harde maximum van het centrum van ${limits.ketamineHardMaxMg} mg per sessie; controleer de dosis of de grens in de instellingen.`,
    );
  }
  const { id, name } = input.product;
  if (typeof id !== 'string' || !PRODUCT_ID.test(id)) {
    return fail(
      'invalid-choice',
      'product.id',
      'Give the product a short id: lower-case letters, digits and dashes.',
      'Geef het product een korte id: kleine letters, cijfers en koppeltekens.',
    );
  }
  if (template.propofol.products.some((p) => p.id === id)) {
    return fail(
      'invalid-choice',
      'product.id',
      `Product id "${id}" is already used by a propofol product; choose another.`,
      `Product-id "${id}" wordt al gebruikt door een propofolproduct; kies een andere.`,
    );
  }
  if (typeof name !== 'string' || name.trim().length < 3) {
    return fail(
      'required',
      'product.name',
      'Give the product name as printed on the vial, with its concentration.',
      'Geef de productnaam zoals gedrukt op de flacon, met de concentratie.',
    );
  }
  const concentration = parseQuantity(input.product.concentrationMgPerMl, {
    field: 'product.concentrationMgPerMl',
    label: 'Vial concentration',
    labelNl: 'Concentratie van de flacon',
    unit: 'mg/mL',
  });
  if (!concentration.ok) return concentration;

  const product: DrugProduct = Object.freeze({
    id,
    substance: template.ketamine.substance,
    name: name.trim(),
    concentrationMgPerMl: mgPerMl(concentration.value),
  });
  const configured: ProtocolDefinition = Object.freeze({
    ...template,
    version: input.version,
    source: `${template.source}. Doses and product entered by the center as version ${input.version}.`,
    ketamine: Object.freeze({
      ...template.ketamine,
      products: Object.freeze([product]),
      sessionDoses: Object.freeze({ testDoseMg: mg(test.value), fullDoseMg: mg(full.value) }),
    }),
    propofol: Object.freeze({
      ...template.propofol,
      products: Object.freeze([...template.propofol.products]),
    }),
  });
  return assertProtocolUsable(configured);
}

const positiveFinite = (n: unknown): boolean =>
  typeof n === 'number' && Number.isFinite(n) && n > 0;

/**
 * A protocol can be used for a dose plan only if it has session doses (positive, finite, test
 * <= full), at least one ketamine and one propofol product with positive finite
 * concentrations, and a positive finite duration and propofol rate. Returns the protocol
 * unchanged when usable; 'protocol-not-configured' when doses or products are missing.
 */
export function assertProtocolUsable(protocol: ProtocolDefinition): Result<ProtocolDefinition> {
  const doses = protocol.ketamine.sessionDoses;
  const notConfigured = (what: string, whatNl: string) =>
    fail(
      'protocol-not-configured',
      'protocol',
      `Protocol ${protocol.title} (${protocol.version}) has no ${what} yet; an administrator must enter it in settings before a dose plan can be made.`,
      `Protocol ${protocol.title} (${protocol.version}) heeft nog geen ${whatNl}; een beheerder moet dit invullen in de instellingen voordat een dosisplan gemaakt kan worden.`,
    );
  if (doses === null) return notConfigured('session doses', 'dosissen per sessie');
  if (protocol.ketamine.products.length === 0)
    return notConfigured('ketamine product', 'ketamineproduct');
  if (protocol.propofol.products.length === 0)
    return notConfigured('propofol product', 'propofolproduct');
  const broken = (what: string, whatNl: string) =>
    fail(
      'implausible',
      'protocol',
      `Protocol ${protocol.id}@${protocol.version}: ${what}; it cannot be used.`,
      `Protocol ${protocol.id}@${protocol.version}: ${whatNl}; het kan niet gebruikt worden.`,
    );
  if (!positiveFinite(doses.testDoseMg) || !positiveFinite(doses.fullDoseMg)) {
    return broken(
      'session doses must be positive numbers of mg',
      'de dosissen per sessie moeten positieve getallen in mg zijn',
    );
  }
  if (doses.testDoseMg > doses.fullDoseMg)
    return broken(
      'the test dose is larger than the full dose',
      'de testdosis is groter dan de volle dosis',
    );
  if (!positiveFinite(protocol.ketamine.infusionDurationH))
    return broken(
      'the infusion duration must be positive',
      'de duur van het infuus moet positief zijn',
    );
  if (!positiveFinite(protocol.propofol.rateMgPerKgPerH))
    return broken(
      'the propofol rate must be positive',
      'de snelheid van propofol moet positief zijn',
    );
  const products = [...protocol.ketamine.products, ...protocol.propofol.products];
  if (!products.every((p) => positiveFinite(p.concentrationMgPerMl))) {
    return broken(
      'every product concentration must be a positive number of mg/mL',
      'elke productconcentratie moet een positief getal in mg/mL zijn',
    );
  }
  if (new Set(products.map((p) => p.id)).size !== products.length)
    return broken('product ids must be unique', "de product-id's moeten uniek zijn");
  return ok(protocol);
}
