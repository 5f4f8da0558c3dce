/**
 * The Express variants: each a server process (servers/server.mjs) with its own instrument file,
 * started once per trace rate. `bare` has no SDK, so it runs once, at no rate.
 */
export interface Variant {
  name: 'bare' | 'sentry' | 'faultline' | 'faultline-lean';
  label: string;
  /** The file given to `node --import`, in servers/; none for bare Express. */
  instrument?: string;
}

export const VARIANTS: readonly Variant[] = [
  { name: 'bare', label: 'bare Express 5' },
  { name: 'sentry', label: '@sentry/node 11.12 defaults', instrument: 'instrument-sentry.mjs' },
  { name: 'faultline', label: 'Faultline standard: init()', instrument: 'instrument-faultline.mjs' },
  {
    name: 'faultline-lean',
    label: "Faultline lean: init({ mode: 'lean' })",
    instrument: 'instrument-faultline.mjs',
  },
];

/** `tracesSampleRate` of every instrumented variant. */
export const RATES = [0, 0.1, 1] as const;

/** The two loads: the same app, one route that always answers, one that throws every 10th time. */
export const ROUTES = [
  { name: 'ok', label: 'success route', path: '/api/users/42' },
  { name: 'error', label: 'error path (every 10th request throws)', path: '/api/orders/42' },
] as const;
export type RouteName = (typeof ROUTES)[number]['name'];

/** One server: a variant at one rate (`undefined` for bare Express). */
export interface ServerSpec {
  variant: Variant;
  rate: number | undefined;
}

/** Every server of the run: bare once, each instrumented variant at each rate. */
export function serverSpecs(): ServerSpec[] {
  return VARIANTS.flatMap((variant): ServerSpec[] =>
    variant.instrument === undefined
      ? [{ variant, rate: undefined }]
      : RATES.map((rate) => ({ variant, rate })),
  );
}

/** `faultline@0.1`, `bare`. */
export function specName(spec: ServerSpec): string {
  return spec.rate === undefined ? spec.variant.name : `${spec.variant.name}@${spec.rate}`;
}

/** The issue's measurement of @sentry/node 11.12 against bare Express, for comparison. */
export const ISSUE_BASELINE: Readonly<Record<number, number>> = { 0: 0.47, 0.1: 0.2, 1: 0.12 };
