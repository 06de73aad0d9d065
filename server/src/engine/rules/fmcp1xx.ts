/** The FMCP1xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import FMCP103 from './FMCP103-unknown-transport';

export const FMCP1XX: Rule[] = [FMCP103];
