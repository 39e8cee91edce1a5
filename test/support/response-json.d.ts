// Test code reads JSON bodies of our own API and asserts on their shape; typing each one would
// only restate the assertions.
declare global {
  interface Response {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    json(): Promise<any>;
  }
}
export {};
