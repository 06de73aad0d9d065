/** The FMCP3xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import FMCP301 from './FMCP301-await-in-sync-function';
import FMCP302 from './FMCP302-context-call-not-awaited';
import FMCP303 from './FMCP303-sync-state-awaited';
import FMCP304 from './FMCP304-context-parameter-untyped';
import FMCP305 from './FMCP305-context-from-other-flavor';
import FMCP306 from './FMCP306-context-only-for-type-checking';
import FMCP307 from './FMCP307-unknown-context-member';
import FMCP308 from './FMCP308-blocking-call-in-async';

export const FMCP3XX: Rule[] = [FMCP301, FMCP302, FMCP303, FMCP304, FMCP305, FMCP306, FMCP307, FMCP308];
