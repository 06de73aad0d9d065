/** FMCP201–FMCP209 and FMCP221, in code order. */
import type { Rule } from './api';
import FMCP201 from './FMCP201-resource-uri-missing-scheme';
import FMCP202 from './FMCP202-template-param-not-in-function';
import FMCP203 from './FMCP203-required-param-not-in-template';
import FMCP204 from './FMCP204-static-uri-with-parameters';
import FMCP205 from './FMCP205-query-param-without-default';
import FMCP206 from './FMCP206-unsupported-parameter-type';
import FMCP207 from './FMCP207-invalid-output-schema';
import FMCP208 from './FMCP208-varargs-in-component';
import FMCP209 from './FMCP209-resource-without-uri';
import FMCP221 from './FMCP221-bare-decorator-unsupported';

export const FMCP2XX_A: Rule[] = [FMCP201, FMCP202, FMCP203, FMCP204, FMCP205, FMCP206, FMCP207, FMCP208, FMCP209, FMCP221];
