/**
 * V8 settings for the CLI, made before any of its code runs (this module is imported first, by the CLI's entry
 * and so also by its lint thread, which runs the same file).
 *
 * The CLI lints a set of files once and exits. At V8's default eagerness its optimizing compiler compiles most of
 * the linter's functions while they are still warming up, on background threads that share the machine's cores
 * with the lint: over the 353 files of the real-world corpus, compiling took about 0.7 s of CPU time per thread
 * that lints. Four times V8's default interrupt budget (how much bytecode a function runs before it is
 * considered for optimization) leaves the functions that run only briefly to the interpreter and the baseline
 * compiler and still optimizes the hot ones early in a run: wall time fell by about a fifth on that corpus and
 * by a quarter on the benchmark's generated one (`npm run bench`, `bench/README.md`). The language server, which
 * runs for hours, keeps V8's default.
 */
import { setFlagsFromString } from 'node:v8';

/** V8's default budget (132 KiB of bytecode) times four. */
export const CLI_INTERRUPT_BUDGET = 4 * 132 * 1024;

setFlagsFromString(`--interrupt-budget=${CLI_INTERRUPT_BUDGET}`);
