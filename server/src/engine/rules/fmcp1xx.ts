/** The FMCP1xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import FMCP101 from './FMCP101-server-not-module-level';
import FMCP102 from './FMCP102-server-name-not-discoverable';
import FMCP103 from './FMCP103-unknown-transport';
import FMCP104 from './FMCP104-http-options-with-stdio';
import FMCP105 from './FMCP105-sse-transport-legacy';
import FMCP106 from './FMCP106-run-outside-main-guard';
import FMCP107 from './FMCP107-print-to-stdout';
import FMCP108 from './FMCP108-run-in-async';
import FMCP109 from './FMCP109-await-sync-server-method';
import FMCP110 from './FMCP110-sse-stateless';

export const FMCP1XX: Rule[] = [FMCP101, FMCP102, FMCP103, FMCP104, FMCP105, FMCP106, FMCP107, FMCP108, FMCP109, FMCP110];
