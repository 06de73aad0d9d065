// Preloaded into each fresh process the benchmark times: reports the process's peak RSS and its CPU time
// (user and system, every thread of the process: workers and V8's own helpers included) when it exits.
// VmHWM is the peak of this process image only. getrusage's maxRSS is not: Linux carries it over from the
// process that forked this one (the benchmark itself, often larger), so a lighter process would report the
// benchmark's size instead of its own.
const fs = require('node:fs');
process.on('exit', () => {
  let kb = null;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) kb = Number(m[1]);
  } catch {
    /* no /proc: fall back below */
  }
  const cpu = process.cpuUsage();
  process.stderr.write(`\nBENCH_MAXRSS_KB=${kb ?? process.resourceUsage().maxRSS}\nBENCH_CPU_US=${cpu.user + cpu.system}\n`);
});
