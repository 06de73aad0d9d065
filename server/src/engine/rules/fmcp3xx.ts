/** The FMCP3xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';

export const FMCP3XX: Rule[] = [];
