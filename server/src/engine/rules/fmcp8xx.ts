/** The FMCP8xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import FMCP801 from './FMCP801-datetime-utcnow';
import FMCP802 from './FMCP802-import-time-async-resource';

export const FMCP8XX: Rule[] = [FMCP801, FMCP802];
