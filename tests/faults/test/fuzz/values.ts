// Hostile values: trees of anything with planted secrets, decorated when built with cycles,
// getters and Proxy traps that throw, revoked Proxies, deep nesting, class instances and Errors.
import fc from 'fast-check';
import { adversarialString, fragmentString, PLANTED, plantedLeaf } from './strings.js';

const ANYTHING = {
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
} as const;

const KEYS = fc.oneof(
  fc.constantFrom(
    'message',
    'value',
    'data',
    'user',
    'headers',
    'token_count',
    'author',
    '__proto__',
    'constructor',
    'toJSON',
    'length',
    '0',
    '',
  ),
  fc.string({ maxLength: 8, unit: 'binary' }),
);

/** A tree of objects, arrays and Maps with leaves of `strings`, planted secrets and anything. */
function treeOf(strings: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  return fc.letrec<{ tree: unknown; leaf: unknown; object: unknown; array: unknown; map: unknown }>(
    (tie) => ({
      tree: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('object'), tie('array'), tie('map')),
      leaf: fc.oneof(
        { arbitrary: strings, weight: 3 },
        { arbitrary: plantedLeaf, weight: 3 },
        { arbitrary: fc.anything(ANYTHING), weight: 3 },
      ),
      object: fc.dictionary(KEYS, tie('tree'), { maxKeys: 6 }),
      array: fc.array(tie('tree'), { maxLength: 6 }),
      map: fc.array(fc.tuple(KEYS, tie('tree')), { maxLength: 3 }).map((entries) => new Map(entries)),
    }),
  ).tree;
}

class Secretive {
  #hidden = 'not enumerable';
  constructor(readonly visible: unknown) {}
  get hidden(): string {
    return this.#hidden;
  }
}

/**
 * What `decorate` may do at a node, chosen by the generated choices: 0 nothing, 1 a cycle to the
 * root, 2 a getter that throws (its message holds a secret), 3 a Proxy whose traps throw, 4 a
 * revoked Proxy, 5 nesting 65–3000 levels deep, 6 an instance with a private field, 7 an Error with
 * a cause, 8 a toJSON and toString that throw, 9 a frozen copy.
 */
function decorate(value: unknown, choices: readonly number[]): unknown {
  let index = 0;
  const choose = () => choices[index++ % Math.max(1, choices.length)] ?? 0;
  let root: object | undefined;
  // copies every array and plain object it decorates: fast-check may hand the same generated
  // value to several runs while shrinking, so the generated value itself is never changed
  const visit = (node: unknown, depth: number): unknown => {
    if (depth > 6 || typeof node !== 'object' || node === null) return node;
    const plain = Array.isArray(node) || isPlainObject(node);
    let copy: object = node;
    if (plain) {
      // the shell first, so that a descendant's `self = root` is a real cycle
      copy = Array.isArray(node) ? [] : (Object.create(Object.getPrototypeOf(node)) as object);
      root ??= copy;
      for (const key of Object.keys(node))
        define(copy, key, visit((node as Record<string, unknown>)[key], depth + 1));
    }
    const choice = choose();
    // Maps, Sets, Dates, boxed values and typed arrays are shared: only wrapped, never changed
    return plain || ![1, 2, 8, 9].includes(choice % 10) ? transform(copy, choice, root) : node;
  };
  return visit(value, 0);
}

/** An own data property, also for the key `__proto__` (an assignment would set the prototype). */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function transform(node: object, choice: number, root: object | undefined): unknown {
  const secret = PLANTED[choice % PLANTED.length]!;
  switch (choice % 10) {
    case 1:
      if (root && !Object.isFrozen(node) && !Array.isArray(node))
        (node as Record<string, unknown>).self = root;
      return node;
    case 2:
      if (Object.isExtensible(node))
        Object.defineProperty(node, 'boom', {
          enumerable: true,
          get() {
            throw new Error(`getter failed: ${secret.text}`);
          },
        });
      return node;
    case 3:
      return new Proxy(node, {
        get(target, key) {
          if (key === 'then') return undefined;
          if (typeof key === 'string' && key.length % 2 === 1) throw new Error(`trap: ${secret.text}`);
          return Reflect.get(target, key);
        },
        ownKeys(target) {
          return choice % 3 === 0 ? ['ghost', ...Reflect.ownKeys(target)] : Reflect.ownKeys(target);
        },
        getOwnPropertyDescriptor(target, key) {
          if (key === 'ghost') throw new Error(`descriptor trap: ${secret.text}`);
          return Reflect.getOwnPropertyDescriptor(target, key);
        },
      });
    case 4: {
      const { proxy, revoke } = Proxy.revocable(node, {});
      revoke();
      return { revoked: proxy, kept: node };
    }
    case 5: {
      let nested: unknown = node;
      for (let level = 0; level < 65 + ((choice * 97) % 2_936); level++)
        nested = level % 2 ? [nested] : { next: nested };
      return nested;
    }
    case 6:
      return new Secretive(node);
    case 7:
      return Object.assign(new Error(`wrapped: ${secret.text}`, { cause: node }), { detail: node });
    case 8:
      return Object.assign(node, {
        toJSON() {
          throw new Error('toJSON failed');
        },
        toString() {
          throw new Error('toString failed');
        },
      });
    case 9:
      return Object.freeze(Array.isArray(node) ? [...node] : { ...node });
    default:
      return node;
  }
}

/**
 * A value built only when a run uses it (`realize`): fast-check prints, shrinks and replays
 * generated values, which must therefore be plain data, never Proxies with throwing traps, and
 * never changed by a run.
 */
abstract class Recipe {
  abstract build(): unknown;
  abstract describe(): string;
  [fc.toStringMethod](): string {
    return this.describe();
  }
}

/** A tree with planted secrets, decorated (when built) with cycles, traps and deep nesting. */
class HostileRecipe extends Recipe {
  constructor(
    readonly tree: unknown,
    readonly choices: readonly number[],
  ) {
    super();
  }
  build(): unknown {
    return decorate(this.tree, this.choices);
  }
  describe(): string {
    return `hostile(${fc.stringify(this.tree)}, ${fc.stringify(this.choices)})`;
  }
}

/** An Error with extra fields (a database error's code and query, an HTTP client's config). */
export class ErrorRecipe extends Recipe {
  constructor(readonly fields: Record<string, unknown>) {
    super();
  }
  build(): unknown {
    const fields = realize(this.fields) as Record<string, unknown>;
    return Object.assign(new Error(typeof fields.message === 'string' ? fields.message : 'failed'), fields);
  }
  describe(): string {
    return `error(${fc.stringify(this.fields)})`;
  }
}

/** Builds every recipe inside `value` (plain objects and arrays are copied on the way). */
export function realize(value: unknown): unknown {
  if (value instanceof Recipe) return value.build();
  if (Array.isArray(value)) return value.map(realize);
  if (typeof value === 'object' && value !== null && isPlainObject(value)) {
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<string, unknown>;
    for (const key of Object.keys(value)) define(copy, key, realize((value as Record<string, unknown>)[key]));
    return copy;
  }
  return value;
}

const choices = fc.array(fc.nat(999), { maxLength: 12 });

/** A hostile value (a recipe: `realize` builds it). */
export const hostileValue: fc.Arbitrary<unknown> = fc
  .tuple(treeOf(adversarialString), choices)
  .map(([value, picks]) => new HostileRecipe(value, picks));

/**
 * The same without huge strings, for the many fields of an event: an event holds a dozen such
 * values, and huge strings reach the fingerprinter through the messages already.
 */
export const hostileField: fc.Arbitrary<unknown> = fc
  .tuple(treeOf(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fragmentString)), choices)
  .map(([value, picks]) => new HostileRecipe(value, picks));
