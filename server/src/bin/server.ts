import { runServerProcess } from '../server';

runServerProcess();
