// Run-time checks for message payloads: content scripts carry page-derived data, so nothing is trusted. The builders
// are marked free of side effects, so a bundle keeps only the checks it uses (a content script, only its messages').

export class InvalidRequest extends Error {}

export type Check<T> = (value: unknown, path: string) => T;

const fail = (path: string, want: string): never => {
  throw new InvalidRequest(`${path || 'request'} should be ${want}`);
};

export const str =
  /* @__NO_SIDE_EFFECTS__ */
    (maxLength = 2000): Check<string> =>
    (v, path) =>
      typeof v === 'string' && v.length <= maxLength ? v : fail(path, `a string of at most ${maxLength} characters`);

export const int =
  /* @__NO_SIDE_EFFECTS__ */
    (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check<number> =>
    (v, path) =>
      Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? (v as number) : fail(path, `an integer in ${min}..${max}`);

export const num =
  /* @__NO_SIDE_EFFECTS__ */
    (min = -Number.MAX_VALUE, max = Number.MAX_VALUE): Check<number> =>
    (v, path) =>
      typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fail(path, `a number in ${min}..${max}`);

export const bool: Check<boolean> = (v, path) => (typeof v === 'boolean' ? v : fail(path, 'true or false'));

/** A flag that is either set (true) or left out (wrap in optional). */
export const onlyTrue: Check<true> = (v, path) => (v === true ? true : fail(path, 'true'));

export const oneOf =
  /* @__NO_SIDE_EFFECTS__ */
    <T extends string>(...options: T[]): Check<T> =>
    (v, path) =>
      options.includes(v as T) ? (v as T) : fail(path, `one of ${options.join(', ')}`);

export const optional =
  /* @__NO_SIDE_EFFECTS__ */
    <T>(check: Check<T>): Check<T | undefined> =>
    (v, path) =>
      v === undefined || v === null ? undefined : check(v, path);

export const array =
  /* @__NO_SIDE_EFFECTS__ */
    <T>(item: Check<T>, maxItems: number): Check<T[]> =>
    (v, path) => {
      if (!Array.isArray(v) || v.length > maxItems) return fail(path, `a list of at most ${maxItems} items`);
      return v.map((x, i) => item(x, `${path}[${i}]`));
    };

type Shape = Record<string, Check<unknown>>;
type FromShape<S extends Shape> = {
  [K in keyof S as undefined extends ReturnType<S[K]> ? never : K]: ReturnType<S[K]>;
} & {
  [K in keyof S as undefined extends ReturnType<S[K]> ? K : never]?: ReturnType<S[K]>;
};

/** An object with exactly the listed fields (unknown fields are dropped, not copied). */
export const object =
  /* @__NO_SIDE_EFFECTS__ */
    <S extends Shape>(shape: S): Check<FromShape<S>> =>
    (v, path) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(path, 'an object');
      const out: Record<string, unknown> = {};
      for (const [name, check] of Object.entries(shape)) {
        const value = check((v as Record<string, unknown>)[name], path ? `${path}.${name}` : name);
        if (value !== undefined) out[name] = value;
      }
      return out as FromShape<S>;
    };

/** The type a check gives. */
export type Checked<C> = C extends Check<infer T> ? T : never;

/** True when A and B have the same fields and each is assignable to the other. */
export type SameShape<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? ([A] extends [B] ? ([B] extends [A] ? true : false) : false) : false) : false;

/** Compiles only when A and B agree (a check written here against a type owned elsewhere): `sameShape<A, B>(true)`. */
export function sameShape<A, B>(_agree: SameShape<A, B>): void {}
