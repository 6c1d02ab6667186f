/**
 * The Mocha globals that @web/test-runner provides to browser tests. Declared here because the
 * project's tsconfig loads only Node's types and @types/mocha is not installed; only the BDD
 * functions these tests use are listed.
 */
type MochaDone = (error?: unknown) => void;
type MochaFn = (this: unknown, done: MochaDone) => void | Promise<unknown>;

declare function describe(title: string, fn: (this: unknown) => void): void;
declare function it(title: string, fn: MochaFn): void;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
