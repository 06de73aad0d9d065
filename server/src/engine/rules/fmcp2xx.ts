/** The FMCP2xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import { FMCP2XX_A } from './fmcp2xx-a';
import { FMCP2XX_B } from './fmcp2xx-b';

export const FMCP2XX: Rule[] = [...FMCP2XX_A, ...FMCP2XX_B];
