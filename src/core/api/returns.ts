/**
 * A method's output type in the contract table (contract.ts), where no schema checks it at run
 * time: the value is an empty object, only its type parameter is read (`ApiOutputs`).
 */
export interface Returns<T> {
  /** never set: a function type keeps `T` exact (invariant) when it is read back. */
  readonly output?: (value: T) => T;
}

export const returns = <T>(): Returns<T> => ({});

/** The type a `Returns<T>` carries. */
export type ReturnedType<R> = R extends Returns<infer T> ? T : never;
