/** The FMCP4xx rules, in code order. Each rule lives in its own module beside this file. */
import type { Rule } from './api';
import FMCP401 from './FMCP401-asgi-lifespan-missing';
import FMCP402 from './FMCP402-server-has-no-lifespan';
import FMCP403 from './FMCP403-doubled-mount-path';
import FMCP404 from './FMCP404-lifespan-not-context-manager';
import FMCP405 from './FMCP405-lifespan-cleanup-unguarded';
import FMCP406 from './FMCP406-middleware-wrong-base';
import FMCP407 from './FMCP407-middleware-hook-signature';
import FMCP408 from './FMCP408-middleware-self-next';
import FMCP409 from './FMCP409-call-next-not-awaited';
import FMCP410 from './FMCP410-middleware-order';
import FMCP411 from './FMCP411-middleware-unknown-argument';
import FMCP412 from './FMCP412-import-server-not-awaited';
import FMCP413 from './FMCP413-import-server-deprecated';
import FMCP414 from './FMCP414-registered-after-import';
import FMCP415 from './FMCP415-invalid-mount-argument';
import FMCP416 from './FMCP416-mount-prefix-renamed';
import FMCP417 from './FMCP417-resource-prefix-format';

export const FMCP4XX: Rule[] = [FMCP401, FMCP402, FMCP403, FMCP404, FMCP405, FMCP406, FMCP407, FMCP408, FMCP409, FMCP410, FMCP411, FMCP412, FMCP413, FMCP414, FMCP415, FMCP416, FMCP417];
