import './cli-flags';
import { runCli } from '../cli';

runCli();
